namespace LabelStudio.Core.Data.Entities;

/// <summary>How a project turns several annotators' votes into one final label.</summary>
public enum FinalLabelRule
{
    /// <summary>The class with more votes than any other wins; a tie goes to review.</summary>
    Majority,

    /// <summary>Unanimous votes stand; any disagreement goes to a lead for review.</summary>
    LeadDecides,
}
