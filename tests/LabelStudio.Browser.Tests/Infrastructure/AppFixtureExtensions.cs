using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests.Infrastructure;

internal static class AppFixtureExtensions
{
    /// <summary>The id of the seeded demo project, looked up rather than assumed.</summary>
    public static async Task<int> PenguinsIdAsync(this AppFixture app)
    {
        var projects = await app.Services.GetRequiredService<ProjectService>().ListAsync(memberId: null, CancellationToken.None);
        return projects.Single(p => p.Name == "Penguins").Id;
    }

    /// <summary>A new annotator, logged in, on the Penguins labeling page with an item showing.</summary>
    public static async Task<(LabelingPage Page, string FirstItem)> OpenPenguinsAsNewAnnotatorAsync(this AppFixture app)
    {
        var projectId = await app.PenguinsIdAsync();
        var annotator = await app.CreateAnnotatorAsync();
        var page = await app.NewPageAsync();
        await LoginForm.LogInAsync(page, annotator);

        var labeling = new LabelingPage(page);
        var first = await labeling.OpenAsync(projectId);
        return (labeling, first);
    }

    /// <summary>What the database recorded for an item, oldest first: "skip" or the class name per event.</summary>
    public static async Task<List<string>> DecisionsOnAsync(this AppFixture app, string itemId)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var id = long.Parse(itemId, System.Globalization.CultureInfo.InvariantCulture);
        return await db.LabelEvents
            .Where(e => e.ItemId == id)
            .OrderBy(e => e.Id)
            .Select(e => e.Kind == LabelEventKind.Skip
                ? "skip"
                : db.LabelClasses.Where(c => c.Id == e.ClassId).Select(c => c.Name).First())
            .ToListAsync();
    }
}
