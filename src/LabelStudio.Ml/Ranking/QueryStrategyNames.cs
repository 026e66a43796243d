namespace LabelStudio.Ml;

/// <summary>The kebab-case names users type and files store ("least-confidence").</summary>
public static class QueryStrategyNames
{
    public const string All = "all";

    private static readonly (QueryStrategy Strategy, string Name)[] Names =
    [
        (QueryStrategy.Random, "random"),
        (QueryStrategy.LeastConfidence, "least-confidence"),
        (QueryStrategy.Margin, "margin"),
        (QueryStrategy.Entropy, "entropy"),
    ];

    public static string ToName(QueryStrategy strategy)
    {
        foreach (var (candidate, name) in Names)
        {
            if (candidate == strategy)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown query strategy.");
    }

    public static QueryStrategy Parse(string name)
    {
        var trimmed = name.Trim();
        foreach (var (strategy, candidate) in Names)
        {
            if (string.Equals(candidate, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return strategy;
            }
        }

        var known = string.Join(", ", Names.Select(n => n.Name));
        throw new FormatException($"Unknown query strategy '{name}'. Expected one of: {known}.");
    }

    /// <summary>Parses "margin,random" or "all"; duplicates are dropped, order is kept.</summary>
    public static IReadOnlyList<QueryStrategy> ParseList(string names)
    {
        if (string.Equals(names.Trim(), All, StringComparison.OrdinalIgnoreCase))
        {
            return Names.Select(n => n.Strategy).ToArray();
        }

        var parts = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new FormatException("No query strategy given.");
        }

        return parts.Select(Parse).Distinct().ToArray();
    }
}
