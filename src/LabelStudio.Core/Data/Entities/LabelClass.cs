namespace LabelStudio.Core.Data.Entities;

public sealed class LabelClass
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string Name { get; set; }

    /// <summary>CSS colour such as #1f77b4.</summary>
    public string Color { get; set; } = "#607d8b";

    /// <summary>A single key that applies this label on the labeling page.</summary>
    public string Hotkey { get; set; } = "";

    /// <summary>Position in the project's class list; also the class index the model uses.</summary>
    public int Ordinal { get; set; }
}
