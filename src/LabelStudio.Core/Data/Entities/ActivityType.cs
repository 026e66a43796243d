namespace LabelStudio.Core.Data.Entities;

public enum ActivityType
{
    Import,
    Training,
    Settings,
    Export,
    Members,
}
