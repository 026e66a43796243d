using LabelStudio.Core.Data.Entities;
using LabelStudio.Ml;

namespace LabelStudio.Core.Projects;

/// <summary>The editable settings of a project, as the settings form holds them.</summary>
public sealed class ProjectDraft
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Instructions { get; set; } = "";
    public int RoundSize { get; set; } = 20;
    public QueryStrategy Strategy { get; set; } = QueryStrategy.Margin;
    public bool ShowSuggestions { get; set; }
    public FinalLabelRule FinalLabelRule { get; set; } = FinalLabelRule.Majority;
    public List<ClassDraft> Classes { get; set; } = [];
}

public sealed class ClassDraft
{
    /// <summary>Null for a class not saved yet.</summary>
    public int? Id { get; set; }

    public string Name { get; set; } = "";
    public string Color { get; set; } = "#607d8b";
    public string Hotkey { get; set; } = "";
}
