using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Ml;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Quality;

/// <summary>
/// Builds the lead's dashboard for a project: progress, annotators, agreement, model quality and
/// when to stop.
/// </summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>The pace behind the time-left estimate is taken over this many most recent active days.</summary>
    public const int PaceDays = 7;

    /// <summary>
    /// Labels over time use the finest of these periods that keeps the chart to at most
    /// <see cref="TimelinePoints"/> points.
    /// </summary>
    public static readonly TimeSpan[] TimelinePeriods =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
        TimeSpan.FromDays(1),
    ];

    public const int TimelinePoints = 60;

    public async Task<DashboardSnapshot> BuildAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var queries = new DashboardQueries(db, projectId);
        var classes = await db.LabelClasses.AsNoTracking()
            .Where(c => c.ProjectId == projectId)
            .OrderBy(c => c.Ordinal)
            .ToListAsync(cancellationToken);

        var activity = await queries.LabelActivityAsync(cancellationToken);
        var states = await queries.ItemStatesAsync(cancellationToken);
        var progress = Progress(states, activity.LabelEvents);
        var daily = Cumulate(activity.LabelsPer(TimeSpan.FromDays(1)), TimeSpan.FromDays(1));
        // A first session reads better minute by minute than as one point, a first week hour by hour.
        var period = TimelinePeriods.FirstOrDefault(p => activity.Span / p <= TimelinePoints, TimeSpan.FromDays(1));
        var timeline = period == TimeSpan.FromDays(1) ? daily : Cumulate(activity.LabelsPer(period), period);
        var finals = await queries.FinalLabelsAsync(cancellationToken);
        var classTotals = classes
            .Select(c => new ClassTotal(c.Name, c.Color, finals.GetValueOrDefault(c.Id)))
            .ToList();

        var report = Agreement.Measure(activity.Ratings);
        var names = await NamesAsync(db, activity.Raters, cancellationToken);
        var agreement = ToView(report, activity.Raters, names, classes);
        var annotators = Annotators(activity, report, names);

        var curve = await LearningCurveAsync(db, projectId, cancellationToken);
        var confusion = await ConfusionAsync(db, projectId, classes, cancellationToken);
        var overlap = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Overlap, p.OverlapScope, p.OverlapPercent })
            .FirstAsync(cancellationToken);
        var share = overlap.OverlapScope == OverlapScope.AllItems ? 1 : overlap.OverlapPercent / 100.0;
        var labelsNeeded = await queries.LabelsStillNeededAsync(overlap.Overlap, share, cancellationToken);
        var timeLeft = EstimateTimeLeft(progress.Unlabeled, labelsNeeded, daily, activity);
        return new DashboardSnapshot(
            progress, daily, timeline, classTotals, annotators, agreement, curve, confusion,
            StoppingSignal.Evaluate(curve), timeLeft);
    }

    private static ProgressSummary Progress(Dictionary<string, int> states, int labelEvents)
    {
        int Count(LabelSource source) => states.GetValueOrDefault(source.ToString());
        return new ProgressSummary(
            states.Values.Sum(),
            Count(LabelSource.Single) + Count(LabelSource.Majority) + Count(LabelSource.Review),
            Count(LabelSource.Disputed),
            Count(LabelSource.None),
            labelEvents);
    }

    private static List<TimePoint> Cumulate(List<(DateTime Start, int Labels)> periods, TimeSpan period)
    {
        var total = 0;
        return periods.Select(p => new TimePoint(p.Start, p.Labels, total += p.Labels, period)).ToList();
    }

    private static async Task<Dictionary<string, string>> NamesAsync(
        AppDbContext db, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.Email ?? u.UserName ?? u.Id })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        foreach (var id in ids.Where(id => !names.ContainsKey(id)))
        {
            names[id] = id == ImportedLabels.UserId ? ImportedLabels.AnnotatorName : id;
        }
        return names;
    }

    private static AgreementView ToView(
        AgreementReport report,
        IReadOnlyList<string> raters,
        Dictionary<string, string> names,
        List<LabelClass> classes)
    {
        var classNames = classes.ToDictionary(c => c.Id, c => c.Name);
        return new AgreementView(
            report.FleissKappa,
            report.KrippendorffAlpha,
            report.PairableUnits,
            report.Pairs
                .Select(p => new PairRow(names[raters[p.RaterA]], names[raters[p.RaterB]], p.SharedUnits, p.Kappa))
                .ToList(),
            report.PerCategory
                .Select(c => new ClassAgreementRow(
                    classNames.GetValueOrDefault(c.Category, $"class {c.Category}"),
                    c.FleissKappa,
                    c.KrippendorffAlpha))
                .ToList());
    }

    private static List<AnnotatorRow> Annotators(
        LabelActivity activity, AgreementReport report, Dictionary<string, string> names) =>
        activity.Annotators
            .OrderByDescending(a => a.Value.Labels)
            .Select(a =>
            {
                var seconds = a.Value.TotalSeconds;
                return new AnnotatorRow(
                    names[a.Key],
                    a.Value.Items,
                    a.Value.Labels,
                    seconds > 0 ? a.Value.Labels / (seconds / 3600) : null,
                    a.Value.MedianSeconds(),
                    AgreementWithOthers(report, a.Value.Rater));
            })
            .ToList();

    /// <summary>The annotator's Cohen's kappas with each colleague, weighted by the items they share.</summary>
    private static double? AgreementWithOthers(AgreementReport report, int rater)
    {
        var pairs = report.Pairs
            .Where(p => (p.RaterA == rater || p.RaterB == rater) && p.Kappa is not null)
            .ToList();
        var shared = pairs.Sum(p => p.SharedUnits);
        return shared == 0 ? null : pairs.Sum(p => p.Kappa!.Value * p.SharedUnits) / shared;
    }

    private static async Task<List<ModelPoint>> LearningCurveAsync(
        AppDbContext db, int projectId, CancellationToken cancellationToken)
    {
        var versions = await db.ModelVersions.AsNoTracking()
            .Where(m => m.ProjectId == projectId)
            .OrderBy(m => m.Version)
            .Select(m => new { m.Version, m.LabelCount, m.EstimatedAccuracy, m.TruthAccuracy, m.SamplePredictionsJson })
            .ToListAsync(cancellationToken);

        var points = new List<ModelPoint>(versions.Count);
        Dictionary<long, int>? previous = null;
        foreach (var version in versions)
        {
            var predictions = version.SamplePredictionsJson is null
                ? null
                : JsonSerializer.Deserialize<Dictionary<long, int>>(version.SamplePredictionsJson);
            var accuracy = version.EstimatedAccuracy is { } a && !double.IsNaN(a) ? a : (double?)null;
            points.Add(new ModelPoint(
                version.Version, version.LabelCount, accuracy, KappaBetween(previous, predictions))
            {
                TruthAccuracy = version.TruthAccuracy,
            });
            previous = predictions;
        }
        return points;
    }

    /// <summary>Cohen's kappa of two versions' predictions on the sample items both predicted.</summary>
    internal static double? KappaBetween(Dictionary<long, int>? earlier, Dictionary<long, int>? later)
    {
        if (earlier is null || later is null)
        {
            return null;
        }

        var shared = later.Where(p => earlier.ContainsKey(p.Key)).Select(p => (earlier[p.Key], p.Value)).ToList();
        return Agreement.CohensKappa(shared);
    }

    private static async Task<ConfusionView?> ConfusionAsync(
        AppDbContext db, int projectId, List<LabelClass> classes, CancellationToken cancellationToken)
    {
        var latest = await db.ModelVersions.AsNoTracking()
            .Where(m => m.ProjectId == projectId)
            .OrderByDescending(m => m.Version)
            .Select(m => new { m.Version, m.ConfusionJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest?.ConfusionJson is null
            || JsonSerializer.Deserialize<int[][]>(latest.ConfusionJson) is not { } counts)
        {
            return null;
        }

        var names = classes.Select(c => c.Name).Take(counts.Length).ToList();
        return names.Count == counts.Length ? new ConfusionView(latest.Version, names, counts) : null;
    }

    /// <summary>
    /// Pace and labeling time are per label, so the estimate counts the labels still needed: at
    /// overlap 2 an untouched item needs two.
    /// </summary>
    private static TimeLeft EstimateTimeLeft(
        int remainingItems, double labelsNeeded, List<TimePoint> daily, LabelActivity activity)
    {
        var recent = daily.TakeLast(PaceDays).ToList();
        double? perDay = recent.Count == 0 ? null : recent.Average(d => d.Labels);
        var seconds = activity.Annotators.Values.Sum(a => a.TotalSeconds);
        double? hours = activity.LabelEvents == 0 || seconds <= 0
            ? null
            : labelsNeeded * (seconds / activity.LabelEvents) / 3600;
        var labels = (int)Math.Ceiling(labelsNeeded);
        return new TimeLeft(remainingItems, labels, perDay, perDay > 0 ? labelsNeeded / perDay : null, hours);
    }
}
