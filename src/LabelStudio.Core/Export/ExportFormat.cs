namespace LabelStudio.Core.Export;

/// <summary>The shape of the data file inside an export package.</summary>
public enum ExportFormat
{
    Csv,
    JsonLines,
    Parquet,

    /// <summary>A JSON array of tasks with <c>choices</c> annotations, as Label Studio exports and imports.</summary>
    LabelStudio,

    /// <summary>
    /// Media projects: the original files in one folder per class plus <c>metadata.csv</c>, the layout
    /// Hugging Face's imagefolder and audiofolder loaders read.
    /// </summary>
    MediaFolder,
}

/// <summary>Which decisions an export holds.</summary>
public enum ExportScope
{
    /// <summary>One row per labeled item: its current label.</summary>
    FinalLabels,

    /// <summary>One row per label event, relabels and other annotators' answers included; oldest first.</summary>
    AllEvents,
}
