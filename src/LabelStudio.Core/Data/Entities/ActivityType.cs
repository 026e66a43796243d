namespace LabelStudio.Core.Data.Entities;

public enum ActivityType
{
    Import,
    Training,
    Settings,
    Export,
    Members,

    /// <summary>A lead or reviewer settled a disagreement; stored by number, so appended last.</summary>
    Review,
}
