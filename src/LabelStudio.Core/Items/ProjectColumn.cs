using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Items;

public enum ColumnRole
{
    Feature,
    Id,
    Label,
    Ignored,
}

/// <summary>A column of the project's source table, its type and what the project uses it for.</summary>
public sealed record ProjectColumn(string Name, ColumnKind Kind, ColumnRole Role);
