namespace LabelStudio.Core.ImportJobs;

/// <summary>Labels that arrived with a file rather than from an annotator.</summary>
public static class ImportedLabels
{
    /// <summary>The annotator recorded on imported label events; no account has an empty id.</summary>
    public const string UserId = "";

    /// <summary>How exports name that annotator.</summary>
    public const string AnnotatorName = "(imported)";
}
