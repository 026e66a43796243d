using System.Globalization;

namespace LabelStudio.Web.Features.Quality;

/// <summary>How the quality pages print numbers: an undefined coefficient is a dash, never 0 or 1.</summary>
public static class Figures
{
    public static string Coefficient(double? value) =>
        value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "–";

    public static string OneDecimal(double? value) =>
        value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "–";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static MudBlazor.ChartSeries<double> Series(string name, IEnumerable<double> values) =>
        new() { Name = name, Data = new MudBlazor.ChartData<double>(values.ToList()) };

    /// <summary>A series with gaps: a missing value leaves a hole instead of a fake zero.</summary>
    public static MudBlazor.ChartSeries<double> Series(string name, IEnumerable<double?> values) =>
        new() { Name = name, Data = new MudBlazor.ChartData<double>(values.ToList()) };

    /// <summary>A CSS class marking a coefficient below the agreement floor.</summary>
    public static string Warn(double? value) => value < LabelStudio.Ml.Agreement.AcceptableFloor ? "low" : "";
}
