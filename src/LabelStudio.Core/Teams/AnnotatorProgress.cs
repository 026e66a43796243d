namespace LabelStudio.Core.Teams;

/// <summary>One annotator's own figures in one project: items they labeled, of them today, and skips.</summary>
public sealed record AnnotatorProgress(int Labeled, int LabeledToday, int Skipped);
