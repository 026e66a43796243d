using System.Diagnostics;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Items;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Teams;

namespace LabelStudio.Web.Features.Labeling;

/// <summary>
/// One annotator's pass through a project's queue on one page: the item shown, where they are in
/// their history, and the time spent on the item. Every decision is on disk before the next item loads.
/// </summary>
public sealed class LabelingSession(
    ProjectService projects,
    ProjectStatusService statuses,
    QueueService queue,
    LabelingService labeling,
    LabelHistory history,
    ItemReader items,
    SuggestionService suggestions,
    AnnotatorProgressService progress)
{
    private const int HistoryDepth = 200;

    private readonly Stopwatch _onItem = new();
    private List<long> _recent = [];
    private string _userId = "";

    public Project? Project { get; private set; }
    public ProjectStatus? Status { get; private set; }

    /// <summary>This annotator's own count in the project, beside the project's status line.</summary>
    public AnnotatorProgress? MyProgress { get; private set; }
    public ItemDisplay? Item { get; private set; }
    public Lease? Lease { get; private set; }

    /// <summary>The model's guess for the shown item, when the project shows suggestions.</summary>
    public Suggestion? Suggestion { get; private set; }

    /// <summary>0 while on the queue's item; k while reviewing the k-th most recent decision.</summary>
    public int Position { get; private set; }

    public bool IsReviewing => Position > 0;
    public bool CanGoBack => Position < _recent.Count;
    public string Comment { get; set; } = "";

    public async Task StartAsync(int projectId, string userId, CancellationToken cancellationToken)
    {
        _userId = userId;
        Project = await projects.GetAsync(projectId, cancellationToken);
        if (Project is null)
        {
            return;
        }

        _recent = await history.RecentItemsAsync(projectId, userId, HistoryDepth, cancellationToken);
        await ShowQueueItemAsync(cancellationToken);
    }

    public LabelClass? ClassForKey(string key) =>
        Project?.Classes.FirstOrDefault(c => string.Equals(c.Hotkey, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Labels the shown item (or skips it when <paramref name="classId"/> is null), then moves on.</summary>
    public async Task DecideAsync(int? classId, CancellationToken cancellationToken)
    {
        if (Project is null || Item is null || (IsReviewing && classId is null))
        {
            return;
        }

        var submission = new LabelSubmission(
            Project.Id, Item.ItemId, _userId, classId, _onItem.Elapsed.TotalSeconds, Comment, Suggestion is not null,
            IsReviewing ? null : Lease?.Id);
        try
        {
            await labeling.SubmitAsync(submission, cancellationToken);
        }
        catch (LabelingException taken) when (taken.ItemTaken)
        {
            await ShowQueueItemAsync(cancellationToken);
            throw;
        }
        Comment = "";

        if (IsReviewing)
        {
            await MoveToAsync(Position - 1, cancellationToken);
            return;
        }

        _recent.Remove(Item.ItemId);
        _recent.Insert(0, Item.ItemId);
        await ShowQueueItemAsync(cancellationToken);
    }

    public Task BackAsync(CancellationToken cancellationToken) =>
        CanGoBack ? MoveToAsync(Position + 1, cancellationToken) : Task.CompletedTask;

    public Task ForwardAsync(CancellationToken cancellationToken) =>
        IsReviewing ? MoveToAsync(Position - 1, cancellationToken) : Task.CompletedTask;

    public async Task RefreshStatusAsync(CancellationToken cancellationToken)
    {
        if (Project is not null)
        {
            Status = await statuses.GetAsync(Project.Id, cancellationToken);
            MyProgress = await progress.GetAsync(Project.Id, _userId, cancellationToken);
        }
    }

    private async Task MoveToAsync(int position, CancellationToken cancellationToken)
    {
        if (position == 0)
        {
            Position = 0;
            await ShowQueueItemAsync(cancellationToken);
            return;
        }

        Position = position;
        Item = await items.ReadAsync(Project!.Id, _recent[position - 1], cancellationToken);
        Suggestion = null;
        _onItem.Restart();
        await RefreshStatusAsync(cancellationToken);
    }

    private async Task ShowQueueItemAsync(CancellationToken cancellationToken)
    {
        Lease = await queue.NextAsync(Project!.Id, _userId, cancellationToken);
        Item = Lease is null ? null : await items.ReadAsync(Project.Id, Lease.ItemId, cancellationToken);
        Suggestion = Item is null ? null : await suggestions.SuggestAsync(Project, Item.ItemId, cancellationToken);
        _onItem.Restart();
        await RefreshStatusAsync(cancellationToken);
    }
}
