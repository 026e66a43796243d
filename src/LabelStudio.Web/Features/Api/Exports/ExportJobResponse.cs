using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;

namespace LabelStudio.Web.Features.Api.Exports;

/// <summary>An export job as a client polls it; <paramref name="Download"/> is set once the package is ready.</summary>
public sealed record ExportJobResponse(
    int Id,
    int ProjectId,
    ExportStatus Status,
    double Progress,
    string Message,
    ExportOptions Options,
    long RowCount,
    long ByteCount,
    string FileName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Download)
{
    public static ExportJobResponse From(ExportJob job) => new(
        job.Id,
        job.ProjectId,
        job.Status,
        job.Progress,
        job.Message,
        ExportJobService.OptionsOf(job),
        job.RowCount,
        job.ByteCount,
        job.FileName,
        job.CreatedAt,
        job.CompletedAt,
        job.Status == ExportStatus.Succeeded ? $"{ExportsApi.PathOf(job)}/file" : null);
}
