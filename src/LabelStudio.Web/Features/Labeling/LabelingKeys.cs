using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Web.Features.Labeling;

/// <summary>What a key press on the labeling page means.</summary>
public abstract record KeyAction
{
    public sealed record Decide(int? ClassId) : KeyAction;
    public sealed record Back : KeyAction;
    public sealed record Forward : KeyAction;
    public sealed record Comment : KeyAction;
    public sealed record Instructions : KeyAction;
    public sealed record None : KeyAction;
}

/// <summary>
/// The labeling page's keyboard map. Class hotkeys come from the project; the page's own keys are
/// fixed and reserved, so a class can never shadow them.
/// </summary>
public static class LabelingKeys
{
    public static readonly IReadOnlyList<string> PageKeys = ["Tab", "ArrowLeft", "ArrowRight", "c", "C", "i", "I", "?"];

    /// <summary>
    /// Every key the browser should hand to the page. A letter hotkey is listed in both cases, since
    /// with Shift or Caps Lock the browser reports "A" for the "a" key, just as the page keys are.
    /// </summary>
    public static IReadOnlyList<string> Handled(IEnumerable<LabelClass> classes) =>
    [
        .. classes
            .Select(c => c.Hotkey)
            .Where(k => k.Length > 0)
            .SelectMany(k => new[] { k.ToLowerInvariant(), k.ToUpperInvariant() })
            .Distinct(),
        .. PageKeys,
    ];

    public static KeyAction Map(string key, LabelingSession session) => key switch
    {
        "Tab" => new KeyAction.Decide(null),
        "ArrowLeft" => new KeyAction.Back(),
        "ArrowRight" => new KeyAction.Forward(),
        "c" or "C" => new KeyAction.Comment(),
        "i" or "I" or "?" => new KeyAction.Instructions(),
        _ => session.ClassForKey(key) is { } labelClass ? new KeyAction.Decide(labelClass.Id) : new KeyAction.None(),
    };
}
