namespace LabelStudio.Core.Data.Entities;

/// <summary>What a project's items are. Everything after import is shared; import and display differ.</summary>
public enum DataKind
{
    Table,
    Image,
    Audio,
}
