using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Import;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.Export;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    /// <summary>Tests that measure the process's managed memory run alone, so other tests do not count.</summary>
    public const string Name = "Memory measurement";
}

[Collection(MemoryMeasurement.Name)]
public sealed class ExportMemoryTests : IAsyncLifetime
{
    private const int Items = 100_000;

    // Holding the project would take far more: 200,000 rows of a 200-character note are ~80 MB as
    // strings alone. A streaming export needs one batch and the database reader's buffers.
    private const long GrowthBound = 40L * 1024 * 1024;

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ExportingTwoHundredThousandLabelEventsKeepsLiveManagedMemoryFlat()
    {
        var project = await _database.CreateProjectAsync("Large", ["Adelie", "Gentoo"]);
        await _database.ImportCsvAsync(
            project.Id, "Id,Note,Mass\nfirst,x,1\n", new TableImportPlan(["Mass"], IdColumn: "Id"));
        var classId = (await _database.ClassIdsAsync(project.Id))[0];
        await _database.AddLabeledItemsAsync(project.Id, Items, classId, new string('n', 200));

        var csv = await MeasureAsync(project.Id, ExportFormat.Csv);
        var parquet = await MeasureAsync(project.Id, ExportFormat.Parquet);

        foreach (var (job, growth, samples) in new[] { csv, parquet })
        {
            Assert.Equal(ExportStatus.Succeeded, job.Status);
            Assert.Equal(2 * Items, job.RowCount);
            Assert.True(samples >= 3, $"Only {samples} samples were taken.");
            Assert.True(
                growth < GrowthBound,
                $"Live managed memory grew by {growth / (1024 * 1024)} MB during export {job.Id} ({job.FileName}).");
        }
    }

    private async Task<(ExportJob Job, long Growth, int Samples)> MeasureAsync(int projectId, ExportFormat format)
    {
        var options = new ExportOptions(format, ExportScope.AllEvents);
        var job = await _database.Get<ExportJobService>().StartAsync(projectId, options, null, CancellationToken.None);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new LiveMemorySampler();
        var finished = await _database.Get<ExportRunner>().RunAsync(job.Id, CancellationToken.None);
        var peak = sampler.Stop();

        return (finished!, peak - baseline, sampler.Samples);
    }

    /// <summary>Samples the live managed heap (after a full collection) every 200 ms on its own thread.</summary>
    private sealed class LiveMemorySampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private long _peak;

        public LiveMemorySampler()
        {
            _thread = new Thread(Sample) { IsBackground = true };
            _thread.Start();
        }

        public int Samples { get; private set; }

        public long Stop()
        {
            _stop.Cancel();
            _thread.Join();
            return _peak;
        }

        public void Dispose() => _stop.Dispose();

        private void Sample()
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: true));
                Samples++;
                _stop.Token.WaitHandle.WaitOne(200);
            }
        }
    }
}
