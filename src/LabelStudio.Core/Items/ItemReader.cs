using System.Globalization;
using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Ml.Tabular;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Items;

/// <summary>Reads items for display: original values in the project's column order, numbers formatted.</summary>
public sealed class ItemReader(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<ItemDisplay?> ReadAsync(int projectId, long itemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.Items.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == itemId && i.ProjectId == projectId, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var columnsJson = await db.Projects.Where(p => p.Id == projectId).Select(p => p.ColumnsJson)
            .FirstAsync(cancellationToken);
        var columns = ProjectColumns.Parse(columnsJson);
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(item.DataJson) ?? [];
        var media = await db.ItemMedia.AsNoTracking()
            .Where(m => m.ItemId == itemId)
            .Select(m => new ItemMediaInfo(m.FileName, item.ExternalId, m.Width, m.Height, m.Format)
            {
                DurationSeconds = m.DurationSeconds,
            })
            .FirstOrDefaultAsync(cancellationToken);

        // A media item's name and size (or duration) are shown with the image or clip; its other columns
        // come from a manifest.
        var shown = media is null ? [ColumnRole.Feature, ColumnRole.Id] : new[] { ColumnRole.Feature };
        var fields = columns
            .Where(c => shown.Contains(c.Role))
            .Select(c => ToField(c, values.GetValueOrDefault(c.Name)))
            .ToList();
        return new ItemDisplay(item.Id, item.ExternalId, fields, item.CurrentClassId, media);
    }

    private static ItemField ToField(ProjectColumn column, string? value)
    {
        var isNumber = column.Kind == ColumnKind.Number && column.Role == ColumnRole.Feature;
        if (isNumber && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new ItemField(column.Name, number.ToString("#,0.####", CultureInfo.InvariantCulture), true);
        }
        return new ItemField(column.Name, value, isNumber);
    }
}
