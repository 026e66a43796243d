using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.Storage;

namespace LabelStudio.Core.ImportJobs;

internal static class ImportFiles
{
    public static async Task<ParsedTable> ParseAsync(
        DataDirectory dataDirectory, ImportJob job, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(dataDirectory.Root, job.StoredPath));
        return await TableFileParser.ParseAsync(
            stream, job.FileName, TableParseOptions.Default, progress, cancellationToken);
    }
}
