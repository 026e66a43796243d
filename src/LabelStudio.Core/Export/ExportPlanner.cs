using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Items;
using LabelStudio.Core.Storage;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Export;

/// <summary>
/// Gathers what an export needs before its first row: the project's columns and classes, the
/// annotators' names, the current model and how many decisions there are to read.
/// </summary>
public sealed class ExportPlanner(
    IDbContextFactory<AppDbContext> contexts, ModelCache models, DataDirectory dataDirectory)
{
    internal async Task<ExportPlan> PlanAsync(int projectId, ExportOptions options, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.AsNoTracking().Include(p => p.Classes)
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            ?? throw new ExportRequestException([$"project: {projectId} does not exist."]);
        var classes = project.Classes.OrderBy(c => c.Ordinal).ToList();
        var columns = ProjectColumns.Parse(project.ColumnsJson).Where(c => c.Role != ColumnRole.Label).ToList();
        var annotators = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, Name = u.Email ?? u.UserName ?? u.Id })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var expectedEvents = await db.LabelEvents.CountAsync(e => e.ProjectId == projectId, cancellationToken);
        var model = options.IncludePredictions ? await models.LatestAsync(projectId, cancellationToken) : null;
        var featureCount = options.IncludeFeatures
            ? await db.ItemFeatures.Where(f => f.ProjectId == projectId).Select(f => f.Vector.Length / sizeof(float))
                .FirstOrDefaultAsync(cancellationToken)
            : 0;

        var schema = new ExportSchema(
            project.Name,
            columns.Select(c => c.Name).ToList(),
            columns.FirstOrDefault(c => c.Role == ColumnRole.Id)?.Name,
            classes.Select(c => c.Name).ToList(),
            options,
            featureCount,
            columns.Select(c => c.Kind).ToList(),
            model?.Version);
        return new ExportPlan(
            project,
            classes,
            schema,
            annotators,
            expectedEvents,
            new ExportRowReader(contexts),
            new ExportEnricher(contexts, projectId, schema, model, dataDirectory.Root));
    }
}

/// <summary>One export's schema and sources, from <see cref="ExportPlanner"/>.</summary>
internal sealed class ExportPlan(
    Project project,
    IReadOnlyList<LabelClass> classes,
    ExportSchema schema,
    IReadOnlyDictionary<string, string> annotators,
    long expectedEvents,
    ExportRowReader reader,
    ExportEnricher enricher)
{
    public ExportSchema Schema => schema;
    public ExportEnricher Enricher => enricher;
    public long ExpectedEvents => expectedEvents;
    public long EventsRead => reader.EventsRead;

    public IAsyncEnumerable<ExportRecord> Rows(CancellationToken cancellationToken) =>
        reader.ReadAsync(
            project.Id, schema, classes.ToDictionary(c => c.Id, c => c.Name), annotators, cancellationToken);

    public ExportManifest Manifest(ExportJob job, DateTimeOffset at, ExportCounts counts, string dataEntry)
    {
        var names = schema.Columns;
        IEnumerable<string> columns =
        [
            .. schema.Options.Format == ExportFormat.MediaFolder ? names.MediaLead : [],
            .. schema.SourceColumns, .. names.Decision,
            .. names.PredictedLabel is null ? [] : new[] { names.PredictedLabel }, .. names.Probabilities,
            .. names.Features,
        ];
        return new ExportManifest(
            FormatVersion: 1,
            project.Id,
            project.Name,
            at,
            job.CreatedById is { } user ? annotators.GetValueOrDefault(user, user) : null,
            schema.ModelVersion,
            schema.Options,
            counts,
            dataEntry,
            schema.Options.Format == ExportFormat.LabelStudio ? [] : columns.ToList(),
            classes.Select((c, i) => new ExportedClass(i, c.Name, c.Color, c.Hotkey)).ToList());
    }
}
