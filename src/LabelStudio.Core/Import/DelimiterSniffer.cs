namespace LabelStudio.Core.Import;

/// <summary>Picks the field separator that splits the first records most consistently.</summary>
internal static class DelimiterSniffer
{
    private const int RecordsToCompare = 50;
    private static readonly char[] Usual = [',', ';', '\t', '|'];
    private static readonly char[] TabFirst = ['\t', ',', ';', '|'];

    /// <param name="sample">The start of the decoded file.</param>
    /// <param name="isWholeFile">Whether the sample is the whole file, so its last record is complete.</param>
    /// <returns>The delimiter, or <c>null</c> when none splits the header: a one-column file.</returns>
    public static char? Sniff(ReadOnlySpan<char> sample, bool isWholeFile, string fileName)
    {
        var candidates = fileName.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? TabFirst : Usual;
        char? best = null;
        var bestScore = (0, 0, 0);
        foreach (var candidate in candidates)
        {
            // Candidates come in order of preference, so only a strictly better score replaces one.
            var score = Score(FieldCounts(sample, isWholeFile, candidate));
            if (score.CompareTo(bestScore) > 0)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// Consistent splits beat inconsistent ones, and more columns beat fewer; an inconsistent
    /// split scores by how many records match the header's field count.
    /// </summary>
    private static (int, int, int) Score(List<int> counts)
    {
        if (counts.Count == 0 || counts[0] < 2)
        {
            return (0, 0, 0);
        }

        var header = counts[0];
        var matching = counts.Count(c => c == header);
        return matching == counts.Count ? (2, header, 0) : (1, matching, header);
    }

    private static List<int> FieldCounts(ReadOnlySpan<char> sample, bool isWholeFile, char delimiter)
    {
        var counts = new List<int>();
        var tokenizer = new CsvTokenizer(delimiter, (_, fields) => counts.Add(fields.Length));
        tokenizer.Feed(sample);

        // A record cut off by the end of the sample is only counted when nothing else is there.
        if (isWholeFile || counts.Count == 0)
        {
            tokenizer.Complete();
        }

        return counts.Count > RecordsToCompare ? counts[..RecordsToCompare] : counts;
    }
}
