namespace LabelStudio.Ml.Tabular;

/// <summary>How a table column's values are read and turned into features.</summary>
public enum ColumnKind
{
    Number,
    Category,
    Text,
    Boolean,
    Date,
}
