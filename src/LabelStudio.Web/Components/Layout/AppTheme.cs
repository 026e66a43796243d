using MudBlazor;

namespace LabelStudio.Web.Components.Layout;

internal static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f5d8a",
            Secondary = "#e07a1f",
            AppbarBackground = "#23415f",
        },
    };
}
