using LabelStudio.Core.Import;

namespace LabelStudio.Core.Media;

/// <summary>The source as a whole cannot be imported (not a ZIP, too many files, a ZIP bomb).</summary>
internal static class MediaSourceErrors
{
    public static ImportFailedException Whole(string sourceName, string message) =>
        new([new ImportError(sourceName, null, null, message)]);
}
