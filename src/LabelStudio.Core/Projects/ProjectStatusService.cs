using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Labeling;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Projects;

/// <summary>Reads counts, the current model and the trainer's state of a project.</summary>
public sealed class ProjectStatusService(IDbContextFactory<AppDbContext> contexts, FeatureWaits waits)
{
    public async Task<ProjectStatus> GetAsync(int projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.Where(p => p.Id == projectId)
            .Select(p => new { p.RoundSize, p.DataKind, p.Embedder, p.ItemCount, p.LabelsGiven, p.LabelsImported })
            .FirstAsync(cancellationToken);
        // The labeled count costs what it counts (labeled items, not all of them): the page asks per key press.
        var labeledCount = await db.Items.CountAsync(
            i => i.ProjectId == projectId && i.CurrentClassId != null, cancellationToken);
        var model = await db.ModelVersions.AsNoTracking()
            .Where(m => m.ProjectId == projectId)
            .OrderByDescending(m => m.Version)
            .FirstOrDefaultAsync(cancellationToken);
        var state = await db.TrainingStates.AsNoTracking()
            .FirstOrDefaultAsync(s => s.ProjectId == projectId, cancellationToken);

        return new ProjectStatus(
            project.ItemCount,
            labeledCount,
            project.LabelsGiven,
            LabelingRounds.Of(project.LabelsGiven - project.LabelsImported, project.RoundSize),
            model?.Version,
            model?.EstimatedAccuracy,
            ToTrainingStatus(state),
            project.DataKind == DataKind.Table ? null : await FeatureStatusAsync(db, projectId, project.Embedder,
                cancellationToken));
    }

    private async Task<FeatureStatus> FeatureStatusAsync(
        AppDbContext db, int projectId, string? embedder, CancellationToken cancellationToken)
    {
        var media = await db.ItemMedia.CountAsync(m => m.ProjectId == projectId, cancellationToken);
        var withFeatures = await db.ItemFeatures.CountAsync(f => f.ProjectId == projectId, cancellationToken);
        return new FeatureStatus(media, withFeatures, embedder, waits.For(projectId));
    }

    private static TrainingStatus ToTrainingStatus(TrainingState? state) => state is null
        ? new TrainingStatus(false, false, "", 0, null, null)
        : new TrainingStatus(
            state.RunningSince is not null,
            state.RequestSerial > state.CompletedSerial,
            state.Phase,
            state.Progress,
            state.LastError,
            state.LastErrorAt);
}
