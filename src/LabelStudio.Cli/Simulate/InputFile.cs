using LabelStudio.Core.Import;

namespace LabelStudio.Cli.Simulate;

internal static class InputFile
{
    /// <summary>Parses the table, turning every way a file can be unreadable into a one-line message.</summary>
    public static async Task<ParsedTable> ParseAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException($"{path}: no such file (--input).");
        }

        try
        {
            await using var stream = File.OpenRead(path);

            // The path as typed names the file in messages; its extension also picks the format.
            return await TableFileParser.ParseAsync(stream, path, ct: ct);
        }
        catch (ImportFailedException e)
        {
            throw new CliInputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{path}: cannot be read ({e.Message}).");
        }
    }
}
