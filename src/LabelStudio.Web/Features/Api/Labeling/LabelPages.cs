using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Items;
using LabelStudio.Web.Features.Api.Media;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Web.Features.Api.Labeling;

/// <summary>The API's reads for labeling: label events page by page, and an item's raw fields.</summary>
internal sealed class LabelPages(IDbContextFactory<AppDbContext> contexts)
{
    public const int MaxLimit = 1000;

    /// <summary>
    /// Events after the id <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.
    /// Labels that came with a file are named as exports name them; in a media project each carries its item's media.
    /// </summary>
    public async Task<LabelPageResponse> PageAsync(
        int projectId, long after, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var labels = await db.LabelEvents.AsNoTracking()
            .Where(e => e.ProjectId == projectId && e.Id > after)
            .OrderBy(e => e.Id)
            .Take(limit)
            .Select(e => new LabelResponse(
                e.Id,
                e.ItemId,
                db.Items.Where(i => i.Id == e.ItemId).Select(i => i.ExternalId).First(),
                e.Kind,
                db.LabelClasses.Where(c => c.Id == e.ClassId).Select(c => c.Name).FirstOrDefault(),
                e.UserId == ImportedLabels.UserId
                    ? ImportedLabels.AnnotatorName
                    : db.Users.Where(u => u.Id == e.UserId).Select(u => u.Email).FirstOrDefault() ?? e.UserId,
                e.Comment,
                e.CreatedAt,
                e.SecondsSpent,
                e.Round,
                e.ModelVersion,
                null))
            .ToListAsync(cancellationToken);

        var itemIds = labels.Select(l => l.ItemId).Distinct().ToList();
        var media = await db.ItemMedia.AsNoTracking()
            .Where(m => itemIds.Contains(m.ItemId))
            .Join(db.Items, m => m.ItemId, i => i.Id, (m, i) => new { Media = m, i.ExternalId })
            .ToDictionaryAsync(
                row => row.Media.ItemId, row => ItemMediaResponse.From(row.Media, row.ExternalId), cancellationToken);
        var page = labels.Select(l => l with { Media = media.GetValueOrDefault(l.ItemId) }).ToList();
        return new LabelPageResponse(page, labels.Count == limit ? labels[^1].Id : null);
    }

    /// <summary>The item's media and where to fetch it; null for a table project's rows, without a read.</summary>
    public async Task<ItemMediaResponse?> MediaAsync(Project project, long itemId, CancellationToken cancellationToken)
    {
        if (project.DataKind == DataKind.Table)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ItemMedia.AsNoTracking()
            .Where(m => m.ItemId == itemId)
            .Join(db.Items, m => m.ItemId, i => i.Id, (m, i) => new { Media = m, i.ExternalId })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ItemMediaResponse.From(row.Media, row.ExternalId);
    }

    /// <summary>The item's external id and its id and feature values as imported, in the file's column order.</summary>
    public async Task<(string ExternalId, Dictionary<string, string?> Fields)> FieldsAsync(
        Project project, long itemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.Items.AsNoTracking()
            .Where(i => i.Id == itemId && i.ProjectId == project.Id)
            .Select(i => new { i.ExternalId, i.DataJson })
            .FirstAsync(cancellationToken);

        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(item.DataJson) ?? [];
        var fields = ProjectColumns.Parse(project.ColumnsJson)
            .Where(c => c.Role is ColumnRole.Feature or ColumnRole.Id)
            .ToDictionary(c => c.Name, c => values.GetValueOrDefault(c.Name));
        return (item.ExternalId, fields);
    }

    /// <summary>The id the item had in the imported file.</summary>
    public async Task<string> ExternalIdAsync(long itemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Items.Where(i => i.Id == itemId).Select(i => i.ExternalId).FirstAsync(cancellationToken);
    }
}
