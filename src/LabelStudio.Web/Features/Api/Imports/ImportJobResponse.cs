using System.Text.Json;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;

namespace LabelStudio.Web.Features.Api.Imports;

public sealed record ImportErrorResponse(string File, long? Line, string? Column, string Message);

/// <summary>An import job as a client polls it: progress while it runs, every problem when it failed.</summary>
public sealed record ImportJobResponse(
    int Id,
    int ProjectId,
    string FileName,
    JobStatus Status,
    double Progress,
    string Message,
    int ImportedCount,
    IReadOnlyList<ImportErrorResponse> Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public static ImportJobResponse From(ImportJob job)
    {
        var errors = job.ErrorsJson is null ? [] : JsonSerializer.Deserialize<List<ImportError>>(job.ErrorsJson) ?? [];
        return new ImportJobResponse(
            job.Id,
            job.ProjectId,
            job.FileName,
            job.Status,
            job.Progress,
            job.Message,
            job.ImportedCount,
            [.. errors.Select(e => new ImportErrorResponse(e.FileName, e.Line, e.Column, e.Message))],
            job.CreatedAt,
            job.CompletedAt);
    }
}
