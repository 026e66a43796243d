using System.Text;

namespace LabelStudio.Core.Import;

/// <summary>The encoding to decode with and how many leading bytes are its byte order mark.</summary>
internal sealed record SniffedEncoding(Encoding Encoding, int BomLength)
{
    /// <summary>Throws on invalid bytes, so a file that only looked like UTF-8 fails loudly.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static readonly Encoding Utf16Le = new UnicodeEncoding(false, false);

    public static readonly Encoding Utf16Be = new UnicodeEncoding(true, false);

    public static readonly Encoding Utf32Le = new UTF32Encoding(false, false);

    public static Encoding Windows1252 { get; } =
        CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    public bool IsUtf8 => Encoding.CodePage == Encoding.UTF8.CodePage;
}
