namespace LabelStudio.Web.Components.Shared;

/// <summary>A key press and what was on screen when it happened (the page's data-hotkey-context).</summary>
public sealed record HotkeyPress(string Key, string Context);
