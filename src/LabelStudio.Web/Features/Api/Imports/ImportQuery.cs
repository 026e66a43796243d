using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;

namespace LabelStudio.Web.Features.Api.Imports;

/// <summary>The import plan an API client gives in the query string, read with every bad field named.</summary>
internal sealed record ImportQuery(
    string? FileName,
    string? IdColumn,
    string? LabelColumn,
    string? LabelMode,
    string? Features,
    bool? AddMissingClasses)
{
    public static ImportQuery From(IQueryCollection query) => new(
        query["fileName"],
        Blank(query["idColumn"]),
        Blank(query["labelColumn"]),
        query["labelMode"],
        Blank(query["features"]),
        bool.TryParse(query["addMissingClasses"], out var add) ? add : null);

    public (ImportRequest? Request, Dictionary<string, string[]> Errors) ToRequest()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(FileName))
        {
            errors["fileName"] = ["Name the file (e.g. fileName=penguins.csv); errors will point into it."];
        }

        var mode = Core.Import.LabelMode.ImportAsLabels;
        if (LabelMode is "hidden")
        {
            mode = Core.Import.LabelMode.HiddenGroundTruth;
        }
        else if (LabelMode is not (null or "" or "labels"))
        {
            errors["labelMode"] = [$"'{LabelMode}' is not a label mode; use 'labels' or 'hidden'."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var features = Features?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var plan = new TableImportPlan(features ?? [], IdColumn, LabelColumn, mode);
        return (new ImportRequest(plan, AddMissingClasses ?? false, FeaturesFromFile: features is null), errors);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
