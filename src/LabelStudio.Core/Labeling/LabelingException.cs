namespace LabelStudio.Core.Labeling;

/// <summary>A labeling request that cannot be honoured, with a message fit to show the annotator.</summary>
public sealed class LabelingException(string message, bool itemTaken = false) : Exception(message)
{
    /// <summary>The item moved on without this annotator (labeled elsewhere, or handed to someone else).</summary>
    public bool ItemTaken { get; } = itemTaken;
}
