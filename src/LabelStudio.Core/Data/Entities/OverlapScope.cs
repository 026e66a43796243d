namespace LabelStudio.Core.Data.Entities;

/// <summary>Which items a project's overlap applies to; every other item needs one label.</summary>
public enum OverlapScope
{
    /// <summary>Every item gets the project's overlap.</summary>
    AllItems,

    /// <summary>Only items in the top share of the served ranking, the ones the model is least sure about.</summary>
    UncertainItems,
}
