using System.Buffers;
using System.Text.Unicode;

namespace LabelStudio.Core.Import;

/// <summary>Whether bytes are valid UTF-8, checked in chunks so a large file needs no large buffer.</summary>
internal static class Utf8Validation
{
    public static bool IsUtf8(ReadOnlySpan<byte> bytes, bool isFinalBlock) =>
        Utf8PrefixLength(bytes, isFinalBlock) is not null;

    /// <summary>Checks the rest of a seekable file, continuing after <paramref name="prefix"/>.</summary>
    public static async Task<bool> RestIsUtf8Async(Stream stream, ReadOnlyMemory<byte> prefix, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            // A multi-byte character may straddle two reads; its first bytes are carried over.
            var carry = prefix.Length - (Utf8PrefixLength(prefix.Span, false) ?? prefix.Length);
            prefix[^carry..].CopyTo(buffer);
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(carry), ct);
                var filled = carry + read;
                if (Utf8PrefixLength(buffer.AsSpan(0, filled), read == 0) is not { } valid)
                {
                    return false;
                }

                if (read == 0)
                {
                    return true;
                }

                carry = filled - valid;
                buffer.AsSpan(valid, carry).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>How many bytes form whole valid UTF-8 characters, or null if some are invalid.</summary>
    public static int? Utf8PrefixLength(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, false, isFinalBlock);
            return status == OperationStatus.InvalidData ? null : read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
