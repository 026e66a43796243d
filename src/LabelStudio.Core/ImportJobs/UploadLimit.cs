using System.Globalization;

namespace LabelStudio.Core.ImportJobs;

/// <summary>One wording of the upload limit for every place that refuses a file: page, endpoint, import.</summary>
public static class UploadLimit
{
    public static string TooLarge(string fileName, long limit, long? size = null) =>
        size is { } bytes
            ? $"{fileName} is {Size(bytes)}, over the upload limit of {Size(limit)}; nothing was uploaded."
            : $"{fileName} is over the upload limit of {Size(limit)}; nothing was uploaded.";

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
