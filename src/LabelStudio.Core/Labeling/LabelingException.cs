namespace LabelStudio.Core.Labeling;

/// <summary>A labeling request that cannot be honoured, with a message fit to show the annotator.</summary>
public sealed class LabelingException(string message) : Exception(message);
