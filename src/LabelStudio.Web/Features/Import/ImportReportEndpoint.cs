using System.Globalization;
using System.Text;
using System.Text.Json;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Web.Features.Access;

namespace LabelStudio.Web.Features.Import;

/// <summary>
/// Every problem or skipped file of one import job as CSV: the page lists only the first
/// <see cref="ErrorList.MaxShown"/>, so the whole list is a download.
/// </summary>
internal static class ImportReportEndpoint
{
    public static string Href(int projectId, int jobId) => $"/projects/{projectId}/imports/{jobId}/problems.csv";

    public static IEndpointRouteBuilder MapImportReportEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/projects/{projectId:int}/imports/{jobId:int}/problems.csv", async (
            int projectId, int jobId, ImportJobService imports, CancellationToken cancellationToken) =>
        {
            var job = await imports.GetAsync(jobId, cancellationToken);
            if (job is null || job.ProjectId != projectId)
            {
                return Results.NotFound();
            }

            var errors = job.ErrorsJson is null ? []
                : JsonSerializer.Deserialize<List<ImportError>>(job.ErrorsJson) ?? [];
            var name = $"{Path.GetFileNameWithoutExtension(job.FileName)}-import-{job.Id}-problems.csv";
            return Results.File(Encoding.UTF8.GetBytes(ToCsv(errors)), "text/csv", name);
        }).RequireAuthorization(ProjectPolicies.Manage);
        return endpoints;
    }

    private static string ToCsv(IEnumerable<ImportError> errors)
    {
        var csv = new StringBuilder("file,line,column,problem\n");
        foreach (var error in errors)
        {
            csv.Append(Cell(error.FileName)).Append(',')
                .Append(error.Line?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(error.Column ?? "")).Append(',')
                .Append(Cell(error.Message)).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>Quotes a cell, and defuses a leading formula character so a spreadsheet shows it as text.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
        return $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
