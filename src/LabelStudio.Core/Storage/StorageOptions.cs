namespace LabelStudio.Core.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Holds the SQLite file, uploads and saved models. Relative paths start at the working directory.
    /// </summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>How long an annotator holds an item before it returns to the queue.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest file accepted for import.</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How long a finished export file is kept for download before it is deleted.</summary>
    public TimeSpan ExportRetention { get; set; } = TimeSpan.FromDays(7);
}
