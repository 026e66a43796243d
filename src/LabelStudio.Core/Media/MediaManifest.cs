using LabelStudio.Core.Import;

namespace LabelStudio.Core.Media;

/// <summary>
/// The optional manifest.csv or manifest.jsonl beside the images or clips: a <c>file</c> (or <c>path</c>)
/// column of relative paths, an optional <c>label</c> column, and any other columns to show beside
/// each file.
/// </summary>
internal sealed record MediaManifest(
    IReadOnlyList<string> ExtraColumns,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> ExtrasByPath,
    IReadOnlyDictionary<string, string> LabelsByPath)
{
    public const string LabelColumn = "label";
    private static readonly string[] PathColumns = ["file", "path"];

    public static readonly MediaManifest Empty = new([], new Dictionary<string, IReadOnlyDictionary<string, string?>>(),
        new Dictionary<string, string>());

    public static async Task<MediaManifest> ReadAsync(
        MediaFile? manifest, IReadOnlySet<string> knownPaths, CancellationToken cancellationToken)
    {
        if (manifest is null)
        {
            return Empty;
        }

        await using var stream = manifest.Open();
        var table = await TableFileParser.ParseAsync(
            stream, manifest.RelativePath, TableParseOptions.Default, progress: null, cancellationToken);
        var pathColumn = table.Columns.FirstOrDefault(c => PathColumns.Contains(c, StringComparer.OrdinalIgnoreCase))
            ?? throw new ImportFailedException([new ImportError(manifest.RelativePath, null, null,
                "The manifest needs a 'file' column with each file's path inside the upload.")]);
        var pathIndex = table.IndexOf(pathColumn);
        var labelIndex = table.Columns.ToList()
            .FindIndex(c => c.Equals(LabelColumn, StringComparison.OrdinalIgnoreCase));
        var extras = Enumerable.Range(0, table.Columns.Count).Where(i => i != pathIndex && i != labelIndex).ToList();

        var errors = new List<ImportError>();
        var extrasByPath = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var path = row.Values[pathIndex]?.Trim().Replace('\\', '/') ?? "";
            if (!knownPaths.Contains(path))
            {
                errors.Add(new ImportError(manifest.RelativePath, row.Line, pathColumn,
                    $"No file '{path}' in the upload."));
                continue;
            }
            extrasByPath[path] = extras.ToDictionary(i => table.Columns[i], i => row.Values[i]);
            if (labelIndex >= 0 && !string.IsNullOrWhiteSpace(row.Values[labelIndex]))
            {
                labels[path] = row.Values[labelIndex]!.Trim();
            }
        }
        if (errors.Count > 0)
        {
            throw new ImportFailedException(errors);
        }
        return new MediaManifest([.. extras.Select(i => table.Columns[i])], extrasByPath, labels);
    }
}
