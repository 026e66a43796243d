using LabelStudio.Ml;

namespace LabelStudio.Core.Quality;

/// <summary>
/// What a project's label events say about the team, gathered from one ordered read of them (by
/// item, then annotator): labels per day, each annotator's totals and pace, and each annotator's
/// latest label per item as ratings for the agreement coefficients.
/// </summary>
internal sealed class LabelActivity
{
    private readonly Dictionary<long, int> _perMinute = [];
    private readonly Dictionary<string, Annotator> _annotators = [];
    private readonly List<Rating> _ratings = [];
    private readonly List<string> _raters = [];
    private (long ItemId, string UserId, long EventId, int ClassId)? _run;

    public int LabelEvents { get; private set; }

    /// <summary>Each annotator's latest label per item; raters are positions in <see cref="Raters"/>.</summary>
    public IReadOnlyList<Rating> Ratings => _ratings;

    public IReadOnlyList<string> Raters => _raters;

    public IReadOnlyDictionary<string, Annotator> Annotators => _annotators;

    /// <summary>Adds one label event; events must arrive grouped by item, then by annotator.</summary>
    public void Add(long itemId, string userId, int classId, long eventId, long createdTicks, double seconds)
    {
        LabelEvents++;
        var minute = createdTicks / TimeSpan.TicksPerMinute;
        _perMinute[minute] = _perMinute.GetValueOrDefault(minute) + 1;
        if (!_annotators.TryGetValue(userId, out var annotator))
        {
            _annotators[userId] = annotator = new Annotator(_raters.Count);
            _raters.Add(userId);
        }
        annotator.Seconds.Add(seconds);

        if (_run is { } run && run.ItemId == itemId && run.UserId == userId)
        {
            _run = eventId > run.EventId ? (itemId, userId, eventId, classId) : run;
            return;
        }
        CloseRun();
        annotator.Items++;
        _run = (itemId, userId, eventId, classId);
    }

    /// <summary>Ends the read: the last annotator's vote on the last item is counted.</summary>
    public void Complete() => CloseRun();

    /// <summary>
    /// Label events per UTC period (whole minutes), oldest first; periods without labels are left out.
    /// </summary>
    public List<(DateTime Start, int Labels)> LabelsPer(TimeSpan period) =>
        _perMinute.GroupBy(m => m.Key * TimeSpan.TicksPerMinute / period.Ticks)
            .OrderBy(g => g.Key)
            .Select(g => (new DateTime(g.Key * period.Ticks, DateTimeKind.Utc), g.Sum(m => m.Value)))
            .ToList();

    /// <summary>Time from the first label's minute to the last's.</summary>
    public TimeSpan Span => _perMinute.Count == 0
        ? TimeSpan.Zero
        : TimeSpan.FromMinutes(_perMinute.Keys.Max() - _perMinute.Keys.Min());

    private void CloseRun()
    {
        if (_run is { } run)
        {
            _ratings.Add(new Rating((int)run.ItemId, _annotators[run.UserId].Rater, run.ClassId));
            _run = null;
        }
    }

    internal sealed class Annotator(int rater)
    {
        public int Rater { get; } = rater;

        public int Items { get; set; }

        public List<double> Seconds { get; } = [];

        public int Labels => Seconds.Count;

        public double TotalSeconds => Seconds.Sum();

        public double? MedianSeconds()
        {
            if (Seconds.Count == 0)
            {
                return null;
            }

            Seconds.Sort();
            var middle = Seconds.Count / 2;
            return Seconds.Count % 2 == 1 ? Seconds[middle] : (Seconds[middle - 1] + Seconds[middle]) / 2;
        }
    }
}
