namespace LabelStudio.Ml.Tabular;

/// <summary>A table column as the featurizer sees it: its name and how its values are read.</summary>
public sealed record TabularColumn(string Name, ColumnKind Kind);
