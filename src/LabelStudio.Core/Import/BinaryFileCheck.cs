using System.Text;

namespace LabelStudio.Core.Import;

/// <summary>
/// Refuses files that are not text before they are read as a table: decoded as one-column CSV, an
/// archive or a photo becomes thousands of rows of garbage that would otherwise import.
/// </summary>
internal static class BinaryFileCheck
{
    // Text tables never hold a NUL byte in their first few KB; binary formats nearly always do.
    private const int NulScanBytes = 8 * 1024;

    private const string TableFormats = "table projects take CSV, TSV, JSON lines or Label Studio JSON";

    private static readonly (byte[] Signature, int Offset, string Name)[] Signatures =
    [
        ("PK\u0003\u0004"u8.ToArray(), 0, "a ZIP archive"),
        ("PK\u0005\u0006"u8.ToArray(), 0, "a ZIP archive"),
        ([0x1F, 0x8B], 0, "a gzip archive"),
        ([.. "7z"u8, 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7-Zip archive"),
        ([.. "Rar!"u8, 0x1A, 0x07], 0, "a RAR archive"),
        ([0x89, .. "PNG"u8], 0, "a PNG image"),
        ([0xFF, 0xD8, 0xFF], 0, "a JPEG image"),
        ("GIF8"u8.ToArray(), 0, "a GIF image"),
        ("WEBP"u8.ToArray(), 8, "a WebP image"),
        ("II*\0"u8.ToArray(), 0, "a TIFF image"),
        ("MM\0*"u8.ToArray(), 0, "a TIFF image"),
        ("WAVE"u8.ToArray(), 8, "WAV audio"),
        ([.. "ID3"u8, 0x03], 0, "MP3 audio"),
        ([.. "ID3"u8, 0x04], 0, "MP3 audio"),
        ("fLaC"u8.ToArray(), 0, "FLAC audio"),
        ("OggS"u8.ToArray(), 0, "Ogg audio"),
        ("ftyp"u8.ToArray(), 4, "an MP4 or M4A media file"),
        ("%PDF-"u8.ToArray(), 0, "a PDF document"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], 0, "an old Office document (Excel 97–2003 or Word)"),
        ("SQLite format 3\0"u8.ToArray(), 0, "an SQLite database"),
    ];

    /// <summary>Throws when the name or the first bytes say the file is not a text table.</summary>
    /// <param name="encoding">The sniffed encoding: UTF-16 and UTF-32 text holds NUL bytes by nature.</param>
    public static void ThrowIfBinary(string fileName, ReadOnlySpan<byte> prefix, Encoding encoding)
    {
        if (ReasonFor(fileName, prefix, encoding) is { } reason)
        {
            throw ErrorCollector.Single(fileName, null, reason);
        }
    }

    /// <summary>Why the name or the first bytes say the file is not a text table; null when they do not.</summary>
    public static string? ReasonFor(string fileName, ReadOnlySpan<byte> prefix, Encoding encoding)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".xlsx" or ".xlsm" or ".xls" or ".xlsb" or ".ods")
        {
            return "this is a spreadsheet workbook, not a text table: open it in Excel (or "
                + $"LibreOffice) and save it as CSV first; {TableFormats}";
        }

        foreach (var (signature, offset, name) in Signatures)
        {
            if (prefix.Length >= offset + signature.Length && prefix.Slice(offset).StartsWith(signature))
            {
                return $"this is {name}, not a text table; {TableFormats}, "
                    + "while images and audio go into an image or audio project";
            }
        }

        var isWideText = encoding is UnicodeEncoding or UTF32Encoding;
        if (!isWideText && prefix[..Math.Min(prefix.Length, NulScanBytes)].Contains((byte)0))
        {
            return $"this file holds binary data (NUL bytes), not text; {TableFormats}, "
                + "while images and audio go into an image or audio project";
        }
        return null;
    }
}
