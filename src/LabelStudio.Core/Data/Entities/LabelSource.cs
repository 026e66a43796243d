namespace LabelStudio.Core.Data.Entities;

/// <summary>How an item's final label was reached.</summary>
public enum LabelSource
{
    /// <summary>Nobody has labeled the item.</summary>
    None,

    /// <summary>One annotator labeled it.</summary>
    Single,

    /// <summary>Several annotators voted and the project's rule settled it.</summary>
    Majority,

    /// <summary>The votes do not settle it: it waits for review and has no final label.</summary>
    Disputed,

    /// <summary>A lead or reviewer picked the final label.</summary>
    Review,
}
