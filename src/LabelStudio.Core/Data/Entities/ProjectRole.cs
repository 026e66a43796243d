namespace LabelStudio.Core.Data.Entities;

/// <summary>What a member does in one project; the same person may be a lead here and an annotator there.</summary>
public enum ProjectRole
{
    /// <summary>Sees the project and labels its items.</summary>
    Annotator,

    /// <summary>Sees the project and exports its labels.</summary>
    DataScientist,

    /// <summary>Everything: labels, exports, imports, settings, retrains and members.</summary>
    Lead,
}
