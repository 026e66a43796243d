namespace LabelStudio.Core.Import;

/// <summary>
/// A read-only view of an upload that first replays the bytes already read for sniffing (so a
/// forward-only stream need not be rewound), counts what is read, and reports the fraction read
/// at most once per percent. 1.0 is reported only by <see cref="Complete"/>, once parsing is done.
/// </summary>
internal sealed class ProgressStream(
    Stream inner,
    ReadOnlyMemory<byte> replay,
    long alreadyRead,
    long? totalBytes,
    IProgress<double>? progress) : Stream
{
    private const double ReportStep = 0.01;
    private ReadOnlyMemory<byte> _replay = replay;
    private long _read = alreadyRead;
    private double _lastReported;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public void Complete() => progress?.Report(1.0);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _replay.IsEmpty ? inner.Read(buffer) : Replay(buffer);
        return Advance(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var read = _replay.IsEmpty ? await inner.ReadAsync(buffer, ct) : Replay(buffer.Span);
        return Advance(read);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Replay(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _replay.Length);
        _replay.Span[..count].CopyTo(buffer);
        _replay = _replay[count..];
        return count;
    }

    private int Advance(int read)
    {
        _read += read;
        if (progress is null || totalBytes is not > 0)
        {
            return read;
        }

        var fraction = (double)_read / totalBytes.Value;
        if (fraction < 1.0 && fraction - _lastReported >= ReportStep)
        {
            _lastReported = fraction;
            progress.Report(fraction);
        }

        return read;
    }
}
