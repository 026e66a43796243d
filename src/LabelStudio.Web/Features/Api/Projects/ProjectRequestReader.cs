using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Ml;

namespace LabelStudio.Web.Features.Api.Projects;

/// <summary>Turns a create request into the settings form's draft, naming every field that is wrong.</summary>
internal static class ProjectRequestReader
{
    public static (ProjectDraft Draft, Dictionary<string, string[]> Errors) Read(CreateProjectRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var draft = new ProjectDraft
        {
            Name = request.Name?.Trim() ?? "",
            Description = request.Description ?? "",
            Instructions = request.Instructions ?? "",
            RoundSize = request.RoundSize ?? new ProjectDraft().RoundSize,
            ShowSuggestions = request.ShowSuggestions ?? false,
            DataKind = request.Kind ?? DataKind.Table,
            Classes = (request.Classes ?? []).Select(name => new ClassDraft { Name = name ?? "" }).ToList(),
        };

        if (draft.Name.Length == 0)
        {
            errors["name"] = ["A project needs a name."];
        }
        if (draft.Classes.Count < 2)
        {
            errors["classes"] = ["A project needs at least two classes."];
        }
        else if (ProjectRules.Validate(draft).Where(p => p.Contains("class", StringComparison.OrdinalIgnoreCase))
                     .ToArray() is { Length: > 0 } classProblems)
        {
            errors["classes"] = classProblems;
        }
        if (draft.RoundSize is < 1 or > ProjectRules.MaxRoundSize)
        {
            errors["roundSize"] = [$"Round size must be between 1 and {ProjectRules.MaxRoundSize}."];
        }
        if (request.Strategy is { } strategy)
        {
            try
            {
                draft.Strategy = QueryStrategyNames.Parse(strategy);
            }
            catch (FormatException unknown)
            {
                errors["strategy"] = [unknown.Message];
            }
        }
        return (draft, errors);
    }
}
