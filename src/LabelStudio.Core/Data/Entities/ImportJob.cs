namespace LabelStudio.Core.Data.Entities;

public enum JobStatus
{
    /// <summary>The file is stored and waits for the user's column choices.</summary>
    Uploaded,
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>An uploaded file waiting for, or going through, import.</summary>
public sealed class ImportJob
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string FileName { get; set; }

    /// <summary>Path of the uploaded copy, relative to the data directory.</summary>
    public required string StoredPath { get; set; }

    /// <summary>The user's choices: columns, id, label column and mode, as JSON.</summary>
    public string PlanJson { get; set; } = "{}";

    public JobStatus Status { get; set; }
    public double Progress { get; set; }
    public string Message { get; set; } = "";

    /// <summary>Every problem found, as JSON, so the page can list them by line and column.</summary>
    public string? ErrorsJson { get; set; }

    public int ImportedCount { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Refreshed while running; a running job whose heartbeat stops (a killed process) is run again.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
