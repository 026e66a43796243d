using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;

namespace LabelStudio.Web.Features.Projects;

internal static class ProjectDrafts
{
    public static ProjectDraft From(Project project) => new()
    {
        Name = project.Name,
        DataKind = project.DataKind,
        Description = project.Description,
        Instructions = project.Instructions,
        RoundSize = project.RoundSize,
        Strategy = project.Strategy,
        ShowSuggestions = project.ShowSuggestions,
        AutoplayAudio = project.AutoplayAudio,
        Overlap = project.Overlap,
        OverlapScope = project.OverlapScope,
        OverlapPercent = project.OverlapPercent,
        FinalLabelRule = project.FinalLabelRule,
        Classes = project.Classes
            .Select(c => new ClassDraft { Id = c.Id, Name = c.Name, Color = c.Color, Hotkey = c.Hotkey })
            .ToList(),
    };
}
