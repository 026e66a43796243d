namespace LabelStudio.Benchmarks.App;

/// <summary>Garbage collections and their pauses from a starting point on: a pause stalls every request.</summary>
internal sealed class GcActivity
{
    private readonly int[] _collections;
    private readonly TimeSpan _paused;
    private readonly long _allocated;

    private GcActivity()
    {
        _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        _paused = GC.GetTotalPauseDuration();
        _allocated = GC.GetTotalAllocatedBytes();
    }

    public static GcActivity Start() => new();

    public string Describe() =>
        $"garbage collections: gen0 {GC.CollectionCount(0) - _collections[0]}, " +
        $"gen1 {GC.CollectionCount(1) - _collections[1]}, gen2 {GC.CollectionCount(2) - _collections[2]}; " +
        $"paused {(GC.GetTotalPauseDuration() - _paused).TotalMilliseconds:N0} ms; " +
        $"allocated {(GC.GetTotalAllocatedBytes() - _allocated) / 1e6:N0} MB";
}
