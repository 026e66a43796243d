using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.ImportJobs;

/// <summary>
/// Writes an import's progress to its job row, at most a few times a second, which also serves as
/// the job's heartbeat.
/// </summary>
internal sealed class JobProgress(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, int jobId)
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(250);
    private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;

    private DateTimeOffset Now => clock.GetUtcNow();
    private string _phase = "";

    public async Task ReportAsync(double fraction, string phase, CancellationToken cancellationToken)
    {
        _phase = phase;
        _lastWrite = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(j => j
            .SetProperty(x => x.Progress, fraction)
            .SetProperty(x => x.Message, phase)
            .SetProperty(x => x.HeartbeatAt, _lastWrite), cancellationToken);
    }

    /// <summary>A progress sink for a sub-step that maps its 0..1 onto [from, to] of the whole job.</summary>
    public IProgress<double> Scaled(double from, double to) => new Sink(this, from, to);

    private sealed class Sink(JobProgress owner, double from, double to) : IProgress<double>
    {
        public void Report(double value)
        {
            if (owner.Now - owner._lastWrite < MinimumInterval)
            {
                return;
            }

            // Fire and forget: the parser reports from its reading loop and must not wait on the database.
            owner._lastWrite = owner.Now;
            _ = WriteQuietlyAsync(from + (to - from) * value);
        }

        private async Task WriteQuietlyAsync(double fraction)
        {
            try
            {
                await owner.ReportAsync(fraction, owner._phase, CancellationToken.None);
            }
            catch (Exception)
            {
                // A missed progress update is harmless; the next one or the job's end corrects the bar.
            }
        }
    }
}
