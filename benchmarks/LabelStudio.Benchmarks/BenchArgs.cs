using System.Globalization;

namespace LabelStudio.Benchmarks;

/// <summary>"--name value" pairs and bare "--flag"s; enough for a benchmark's handful of knobs.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    public BenchArgs(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                pending = arg[2..];
                _values[pending] = null;
            }
            else if (pending is not null)
            {
                _values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int Int(string name, int fallback) =>
        Text(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public float Float(string name, float fallback) =>
        Text(name) is { } text ? float.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public int[] Ints(string name, string fallback) =>
        Text(name, fallback).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
