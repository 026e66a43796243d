using LabelStudio.Core.Data.Entities;
using LabelStudio.Ml;

namespace LabelStudio.Core.Projects;

/// <summary>The editable settings of a project, as the settings form holds them.</summary>
public sealed class ProjectDraft
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>Read only at creation: a project's kind of data never changes.</summary>
    public DataKind DataKind { get; set; } = DataKind.Table;
    public string Instructions { get; set; } = "";
    public int RoundSize { get; set; } = 20;
    public QueryStrategy Strategy { get; set; } = QueryStrategy.Margin;
    public bool ShowSuggestions { get; set; }

    /// <summary>Audio projects: play each clip when it is shown.</summary>
    public bool AutoplayAudio { get; set; } = true;

    /// <summary>Distinct annotators per item; see <see cref="Data.Entities.Project.Overlap"/>.</summary>
    public int Overlap { get; set; } = 1;

    public OverlapScope OverlapScope { get; set; }
    public int OverlapPercent { get; set; } = 20;

    public FinalLabelRule FinalLabelRule { get; set; } = FinalLabelRule.Majority;
    public List<ClassDraft> Classes { get; set; } = [];
}

public sealed class ClassDraft
{
    /// <summary>Null for a class not saved yet.</summary>
    public int? Id { get; set; }

    public string Name { get; set; } = "";
    /// <summary>Empty for the default colour of the class's position.</summary>
    public string Color { get; set; } = "";
    public string Hotkey { get; set; } = "";
}
