using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Labeling;

namespace LabelStudio.Web.Features.Api.Labeling;

/// <summary>Checks a label request's fields and finds its class by name, as the page's keys would.</summary>
internal static class LabelRequestReader
{
    public const int MaxCommentLength = 2000;

    public static (int? ClassId, Dictionary<string, string[]> Errors) Read(LabelRequest request, Project project)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ItemId is null)
        {
            errors["itemId"] = ["Give the item's id, as the next-item call returned it."];
        }
        if (request.Comment?.Length > MaxCommentLength)
        {
            errors["comment"] = [$"Comments are limited to {MaxCommentLength} characters."];
        }
        if (request.SecondsSpent is < 0 or > LabelingService.MaxSecondsSpent or double.NaN)
        {
            errors["secondsSpent"] =
                [$"secondsSpent must be between 0 and {LabelingService.MaxSecondsSpent:N0} (a day)."];
        }

        int? classId = null;
        var skip = request.Skip == true;
        if (skip && request.Class is not null)
        {
            errors["class"] = ["Give a class or skip: true, not both."];
        }
        else if (!skip && string.IsNullOrWhiteSpace(request.Class))
        {
            errors["class"] = [$"Give a class ({Names(project)}) or skip: true."];
        }
        else if (!skip)
        {
            classId = project.Classes
                .FirstOrDefault(c => string.Equals(
                    c.Name, request.Class!.Trim(), StringComparison.OrdinalIgnoreCase))?.Id;
            if (classId is null)
            {
                errors["class"] = [$"'{request.Class}' is not a class of this project ({Names(project)})."];
            }
        }
        return (classId, errors);
    }

    private static string Names(Project project) => string.Join(", ", project.Classes.Select(c => c.Name));
}
