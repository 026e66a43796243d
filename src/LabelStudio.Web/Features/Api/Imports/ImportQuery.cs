using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Media;

namespace LabelStudio.Web.Features.Api.Imports;

/// <summary>
/// The import plan an API client gives in the query string, read with every bad field named. Table
/// projects take the column options, image and audio projects the media ones. <see cref="Parameters"/>
/// is also the call's <see cref="ApiQueryParameters"/>, so a parameter it does not know is refused by
/// name before this reads the query, as on every API call.
/// </summary>
internal sealed record ImportQuery(IQueryCollection Query)
{
    /// <summary>Every parameter, its JSON schema type and what it does: checked against and documented.</summary>
    public static readonly IReadOnlyList<(string Name, string Type, string Description)> Parameters =
    [
        ("fileName", "string", "Required. The file's name (penguins.csv, photos.zip); errors point into it."),
        ("idColumn", "string", "Tables: the column with each row's id; rows are numbered when absent."),
        ("labelColumn", "string", "Tables: the column with labels already given; none when absent."),
        ("labelMode", "string",
            "'labels' (default): labels in the file count as given; 'hidden': kept as ground truth to measure by."),
        ("features", "string", "Tables: comma-separated feature columns; every other column when absent."),
        ("addMissingClasses", "boolean", "Tables: add label values that are not yet classes (default false)."),
        ("skipBadFiles", "boolean",
            "Images and audio: import the good files and report the bad (default false: one bad file rejects all)."),
        ("classFolders", "string",
            "Images and audio: what class subfolders (cat/001.png) mean: 'labels', 'hidden', or 'ignore' (default)."),
    ];

    private static readonly string[] TableOnly =
        ["idColumn", "labelColumn", "labelMode", "features", "addMissingClasses"];
    private static readonly string[] MediaOnly = ["skipBadFiles", "classFolders"];

    public string FileName => Query["fileName"].ToString();

    /// <summary>The table import's request, or every problem with the query.</summary>
    public (ImportRequest? Request, Dictionary<string, string[]> Errors) ToTableRequest()
    {
        var errors = CommonErrors(MediaOnly, "image and audio projects");
        var mode = LabelModeOf("labelMode", errors, whenAbsent: LabelMode.ImportAsLabels, allowIgnore: false);
        var addMissing = Flag("addMissingClasses", errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var features = Blank(Query["features"])?
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var plan = new TableImportPlan(
            features ?? [], Blank(Query["idColumn"]), Blank(Query["labelColumn"]), mode!.Value);
        return (new ImportRequest(plan, addMissing, FeaturesFromFile: features is null), errors);
    }

    /// <summary>The image or audio import's request, or every problem with the query.</summary>
    public (MediaImportRequest? Request, Dictionary<string, string[]> Errors) ToMediaRequest()
    {
        var errors = CommonErrors(TableOnly, "table projects");
        var classFolders = LabelModeOf("classFolders", errors, whenAbsent: null, allowIgnore: true);
        var skipBadFiles = Flag("skipBadFiles", errors);
        return errors.Count > 0
            ? (null, errors)
            : (new MediaImportRequest(ImportFolder: null, classFolders, skipBadFiles), errors);
    }

    private Dictionary<string, string[]> CommonErrors(string[] otherKindOnly, string otherKind)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(FileName))
        {
            errors["fileName"] = ["Name the file (e.g. fileName=penguins.csv); errors will point into it."];
        }
        foreach (var name in Query.Keys.Where(k => otherKindOnly.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            errors[name] = [$"'{name}' applies only to {otherKind}."];
        }
        return errors;
    }

    private LabelMode? LabelModeOf(
        string name, Dictionary<string, string[]> errors, LabelMode? whenAbsent, bool allowIgnore)
    {
        switch (Query[name].ToString())
        {
            case "":
                return whenAbsent;
            case "labels":
                return LabelMode.ImportAsLabels;
            case "hidden":
                return LabelMode.HiddenGroundTruth;
            case "ignore" when allowIgnore:
                return null;
            case var other:
                var choices = allowIgnore ? "'labels', 'hidden' or 'ignore'" : "'labels' or 'hidden'";
                errors[name] = [$"'{other}' is not one of {choices}."];
                return whenAbsent;
        }
    }

    private bool Flag(string name, Dictionary<string, string[]> errors)
    {
        var raw = Query[name].ToString();
        if (raw.Length == 0)
        {
            return false;
        }
        if (bool.TryParse(raw, out var value))
        {
            return value;
        }

        errors[name] = [$"'{raw}' is not true or false."];
        return false;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
