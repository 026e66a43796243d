using LabelStudio.Core.Labeling;

namespace LabelStudio.Web.Features.Labeling;

/// <summary>The labeling page's wording of a refused decision: the page has already moved on by itself.</summary>
public static class LabelingMessages
{
    public static string ForPage(LabelingException refused, bool showsNextItem) => refused.ItemTaken
        ? $"{refused.Message} {(showsNextItem ? "Here is your next one." : "Nothing else is waiting for you.")}"
        : refused.Message;
}
