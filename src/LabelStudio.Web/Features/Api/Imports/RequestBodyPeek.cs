using System.Buffers;
using System.IO.Pipelines;

namespace LabelStudio.Web.Features.Api.Imports;

/// <summary>Looks at the start of a request body without taking it: the whole body can still be read after.</summary>
internal static class RequestBodyPeek
{
    /// <summary>
    /// Up to <paramref name="count"/> leading bytes, fewer only when the body is shorter; they stay unread
    /// in <paramref name="body"/> for whoever reads it next.
    /// </summary>
    public static async Task<byte[]> PeekAsync(PipeReader body, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length >= count || result.IsCompleted)
            {
                var prefix = buffer.Slice(0, Math.Min(buffer.Length, count)).ToArray();
                body.AdvanceTo(buffer.Start);
                return prefix;
            }

            // Nothing taken, all seen: the next read waits for more bytes.
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
