namespace LabelStudio.Core.Export;

/// <summary>
/// Names of the columns an export adds after the source columns. A name the source file already
/// uses gets a <c>labelstudio_</c> prefix, so no header appears twice.
/// </summary>
public sealed class ExportColumns
{
    private readonly HashSet<string> _taken;

    public ExportColumns(
        IReadOnlyList<string> sourceColumns, IReadOnlyList<string> classes, ExportOptions options, int featureCount)
    {
        _taken = sourceColumns.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Label = Name("label");
        Skipped = Name("skipped");
        Annotator = Name("annotator");
        LabeledAt = Name("labeled_at");
        ModelVersion = Name("model_version");
        Round = Name("round");
        Strategy = Name("strategy");
        SecondsSpent = Name("seconds_spent");
        ScoreWhenServed = Name("score_when_served");
        SuggestionShown = Name("suggestion_shown");
        Comment = Name("comment");
        Agreement = Name("agreement");
        Annotators = Name("annotators");
        PredictedLabel = options.IncludePredictions ? Name("predicted_label") : null;
        Probabilities = options.IncludePredictions ? classes.Select(c => Name($"prob_{c}")).ToList() : [];
        Features = Enumerable.Range(0, featureCount).Select(i => Name($"feature_{i}")).ToList();
        FileName = Name("file_name");
        ItemId = Name("item_id");
        SourcePath = Name("source_path");
        LabelSource = Name("label_source");
    }

    public string Label { get; }
    public string Skipped { get; }
    public string Annotator { get; }
    public string LabeledAt { get; }
    public string ModelVersion { get; }
    public string Round { get; }
    public string Strategy { get; }
    public string SecondsSpent { get; }
    public string ScoreWhenServed { get; }
    public string SuggestionShown { get; }
    public string Comment { get; }
    public string Agreement { get; }
    public string Annotators { get; }
    public string? PredictedLabel { get; }
    public IReadOnlyList<string> Probabilities { get; }
    public IReadOnlyList<string> Features { get; }

    /// <summary>Media exports: the file's path inside the package, as Hugging Face's imagefolder reads it.</summary>
    public string FileName { get; }

    /// <summary>Media exports: the item's id, as the API and the pages name it.</summary>
    public string ItemId { get; }

    /// <summary>Media exports: the file's path in the upload or folder it was imported from.</summary>
    public string SourcePath { get; }

    /// <summary>Media exports: how the final label was reached (single, majority, review).</summary>
    public string LabelSource { get; }

    /// <summary>The columns a media export's metadata file puts before the others.</summary>
    public IReadOnlyList<string> MediaLead => [FileName, ItemId, SourcePath, LabelSource];

    /// <summary>The decision columns in output order, prediction and feature columns excluded.</summary>
    public IReadOnlyList<string> Decision =>
    [
        Label, Skipped, Annotator, LabeledAt, ModelVersion, Round, Strategy, SecondsSpent, ScoreWhenServed,
        SuggestionShown, Comment, Agreement, Annotators,
    ];

    private string Name(string name)
    {
        var chosen = name;
        while (!_taken.Add(chosen))
        {
            chosen = "labelstudio_" + chosen;
        }
        return chosen;
    }
}
