using System.Runtime.CompilerServices;
using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.ImportJobs;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Export;

/// <summary>
/// Streams a project's decisions as export rows, item by item in file order. The database sends
/// one row per label event, sorted by item; only the current item's events are held at a time, so
/// memory stays flat however many items and events the project has.
/// </summary>
internal sealed class ExportRowReader(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Label events read so far, for progress.</summary>
    public long EventsRead { get; private set; }

    public async IAsyncEnumerable<ExportRecord> ReadAsync(
        int projectId,
        ExportSchema schema,
        IReadOnlyDictionary<int, string> classNames,
        IReadOnlyDictionary<string, string> annotatorNames,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Items.AsNoTracking()
            .Where(i => i.ProjectId == projectId)
            .Join(db.LabelEvents, i => i.Id, e => e.ItemId, (i, e) => new { Item = i, Event = e })
            .OrderBy(r => r.Item.Ordinal)
            .ThenBy(r => r.Item.Id)
            .Select(r => new EventRow(
                r.Item.Id, r.Item.ExternalId, r.Item.DataJson, r.Item.CurrentLabelEventId, r.Item.LabelSource,
                r.Event))
            .AsAsyncEnumerable();

        var decisions = new DecisionNames(classNames, annotatorNames);
        var group = new List<EventRow>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            EventsRead++;
            if (group.Count > 0 && group[0].ItemId != row.ItemId)
            {
                foreach (var record in RecordsOf(group, schema, decisions))
                {
                    yield return record;
                }
                group.Clear();
            }
            group.Add(row);
        }
        foreach (var record in RecordsOf(group, schema, decisions))
        {
            yield return record;
        }
    }

    private static IEnumerable<ExportRecord> RecordsOf(
        List<EventRow> group, ExportSchema schema, DecisionNames decisions)
    {
        if (group.Count == 0)
        {
            yield break;
        }

        var options = schema.Options;
        var events = group.Select(r => r.Event).OrderBy(e => e.Id).ToList();
        var first = group[0];
        var current = events.FirstOrDefault(e => e.Id == first.CurrentLabelEventId);
        var agreement = LabelAgreement.Of(events, current?.ClassId);
        if (agreement.Annotators > 0 && !agreement.Meets(options.MinimumAgreement))
        {
            yield break;
        }

        IEnumerable<LabelEvent> chosen = options.Scope == ExportScope.AllEvents
            ? events.Where(e => e.Kind == LabelEventKind.Label || options.IncludeSkipped)
            : current is not null ? [current]
            : options.IncludeSkipped ? events.Where(e => e.Kind == LabelEventKind.Skip).TakeLast(1)
            : [];

        string?[]? values = null;
        foreach (var labelEvent in chosen)
        {
            values ??= SourceValues(first.DataJson, schema.SourceColumns);
            yield return new ExportRecord
            {
                ItemId = first.ItemId,
                ExternalId = first.ExternalId,
                Values = values,
                Decision = decisions.Of(labelEvent),
                Agreement = agreement.Share,
                Annotators = agreement.Annotators,
                LabelSource = labelEvent.Id == first.CurrentLabelEventId ? first.LabelSource : null,
            };
        }
    }

    private static string?[] SourceValues(string dataJson, IReadOnlyList<string> columns)
    {
        var data = JsonSerializer.Deserialize<Dictionary<string, string?>>(dataJson) ?? [];
        var values = new string?[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            values[c] = data.GetValueOrDefault(columns[c]);
        }
        return values;
    }

    private sealed record EventRow(
        long ItemId,
        string ExternalId,
        string DataJson,
        long? CurrentLabelEventId,
        LabelSource LabelSource,
        LabelEvent Event);

    private sealed class DecisionNames(
        IReadOnlyDictionary<int, string> classNames, IReadOnlyDictionary<string, string> annotatorNames)
    {
        public ExportedDecision Of(LabelEvent e) => new(
            e.ClassId is { } classId ? classNames.GetValueOrDefault(classId, $"class {classId}") : null,
            e.UserId == ImportedLabels.UserId
                ? ImportedLabels.AnnotatorName
                : annotatorNames.GetValueOrDefault(e.UserId, e.UserId),
            e.CreatedAt,
            e.ModelVersion,
            e.Round,
            e.Strategy,
            e.SecondsSpent,
            e.ScoreWhenServed,
            e.Comment,
            e.SuggestionShown);
    }
}
