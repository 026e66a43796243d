using System.Globalization;
using System.Text;

namespace LabelStudio.Benchmarks.App;

/// <summary>
/// A labeled table whose classes really depend on the columns (numbers shifted per class, a
/// category that leans one way), so training and ranking do real work.
/// </summary>
internal static class SyntheticTable
{
    public static readonly string[] Classes = ["alpha", "beta", "gamma"];

    /// <param name="idPrefix">Starts every row's id: a second table imported into a project adds new rows.</param>
    public static string Write(int rows, int numberColumns, int seed, string idPrefix = "r")
    {
        var path = Path.Combine(Path.GetTempPath(), $"labelstudio-bench-{Guid.NewGuid():N}.csv");
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        var header = new[] { "id" }
            .Concat(Enumerable.Range(1, numberColumns).Select(c => $"x{c}"))
            .Append("colour")
            .Append("label");
        writer.WriteLine(string.Join(',', header));

        var line = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            var label = random.Next(Classes.Length);
            line.Clear().Append(idPrefix).Append(row);
            for (var c = 0; c < numberColumns; c++)
            {
                var value = Gaussian(random) + (c % Classes.Length == label ? 1.0 : 0.0);
                line.Append(',').Append(value.ToString("0.####", CultureInfo.InvariantCulture));
            }
            var colour = random.NextDouble() < 0.6 ? label : random.Next(Classes.Length);
            line.Append(',').Append(new[] { "red", "green", "blue" }[colour]).Append(',').Append(Classes[label]);
            writer.WriteLine(line);
        }
        return path;
    }

    public static IReadOnlyList<string> FeatureColumns(int numberColumns) =>
        [.. Enumerable.Range(1, numberColumns).Select(c => $"x{c}"), "colour"];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
