using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Labeling;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>What an annotator does on the labeling page, through the services the page calls.</summary>
internal sealed class Annotator(TestDatabase database, int projectId, string userId)
{
    public string UserId { get; } = userId;

    public Task<Lease?> NextAsync() =>
        database.Get<QueueService>().NextAsync(projectId, UserId, CancellationToken.None);

    public Task<LabelEvent> LabelAsync(long itemId, int classId, long? leaseId = null) =>
        SubmitAsync(itemId, classId, leaseId);

    public Task<LabelEvent> SkipAsync(long itemId, long? leaseId = null) => SubmitAsync(itemId, null, leaseId);

    /// <summary>Takes the next item and labels it with its hidden ground truth; null when the queue is empty.</summary>
    public async Task<LabelEvent?> LabelNextTruthfullyAsync()
    {
        var lease = await NextAsync();
        if (lease is null)
        {
            return null;
        }

        await using var db = await database.ContextAsync();
        var truth = await db.Items.Where(i => i.Id == lease.ItemId).Select(i => i.GroundTruth).SingleAsync();
        var classId = await db.LabelClasses.Where(c => c.ProjectId == projectId && c.Name == truth)
            .Select(c => c.Id)
            .SingleAsync();
        return await LabelAsync(lease.ItemId, classId);
    }

    public async Task LabelNextTruthfullyAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ = await LabelNextTruthfullyAsync() ?? throw new InvalidOperationException("The queue ran out of items.");
        }
    }

    private Task<LabelEvent> SubmitAsync(long itemId, int? classId, long? leaseId)
    {
        var submission = new LabelSubmission(
            projectId, itemId, UserId, classId, SecondsSpent: 2.5, Comment: null, SuggestionShown: false, leaseId);
        return database.Get<LabelingService>().SubmitAsync(submission, CancellationToken.None);
    }
}
