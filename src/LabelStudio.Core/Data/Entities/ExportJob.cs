namespace LabelStudio.Core.Data.Entities;

public enum ExportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>The file was deleted after the retention period; the job row stays as a record.</summary>
    Expired,
}

/// <summary>A requested export: its options, progress, and the file it produced in the data directory.</summary>
public sealed class ExportJob
{
    public int Id { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The <see cref="Export.ExportOptions"/> as JSON, so the export can be repeated.</summary>
    public string OptionsJson { get; set; } = "{}";

    public ExportStatus Status { get; set; }
    public double Progress { get; set; }
    public string Message { get; set; } = "";

    /// <summary>Path of the finished ZIP, relative to the data directory; null until it succeeds.</summary>
    public string? StoredPath { get; set; }

    /// <summary>The name the download is offered under.</summary>
    public string FileName { get; set; } = "";

    public long RowCount { get; set; }
    public long ByteCount { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Refreshed while running; a running job whose heartbeat stops (a killed process) is run again.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
