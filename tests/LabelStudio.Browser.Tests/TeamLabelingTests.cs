using LabelStudio.Browser.Tests.Infrastructure;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests;

/// <summary>Two annotators, each in their own browser, label the same project at the same time.</summary>
public sealed class TeamLabelingTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const int Rounds = 3;

    [Fact]
    public async Task AtOverlapTwoBothAnnotatorsLabelTheSameItemsAtOnceAndEachItemGetsBothLabels()
    {
        var projectId = await app.PenguinsIdAsync();
        await SetOverlapAsync(projectId, 2);
        var ann = await OpenLabelingAsync(await app.CreateAnnotatorAsync(), projectId);
        var bob = await OpenLabelingAsync(await app.CreateAnnotatorAsync(), projectId);
        var shown = new List<string> { await ann.WaitForItemAsync() };
        Assert.Equal(shown[0], await bob.WaitForItemAsync());

        for (var round = 0; round < Rounds; round++)
        {
            var key = PenguinRule.KeyFor(await ann.ReadFieldsAsync());
            var next = await Task.WhenAll(ann.PressAsync(key), bob.PressAsync(key));

            Assert.Equal(next[0], next[1]);
            shown.Add(next[0]);
        }

        Assert.Equal(Rounds + 1, shown.Distinct().Count());
        foreach (var item in shown.Take(Rounds))
        {
            Assert.Equal(2, await DistinctLabelersAsync(item));
        }
        await Assertions.Expect(ann.Page.Locator("#my-today")).ToHaveTextAsync($"{Rounds}");
        await Assertions.Expect(bob.Page.Locator("#my-today")).ToHaveTextAsync($"{Rounds}");
    }

    private async Task<LabelingPage> OpenLabelingAsync(Credentials annotator, int projectId)
    {
        var page = await app.NewPageAsync();
        await LoginForm.LogInAsync(page, annotator);
        var labeling = new LabelingPage(page);
        await labeling.OpenAsync(projectId);
        return labeling;
    }

    private async Task SetOverlapAsync(int projectId, int overlap)
    {
        var projects = app.Services.GetRequiredService<ProjectService>();
        var draft = ProjectDrafts.From((await projects.GetAsync(projectId, CancellationToken.None))!);
        draft.Overlap = overlap;
        await projects.UpdateAsync(projectId, draft, userId: null, CancellationToken.None);
    }

    private async Task<int> DistinctLabelersAsync(string itemId)
    {
        var id = long.Parse(itemId, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        return await db.LabelEvents.Where(e => e.ItemId == id && e.Kind == LabelEventKind.Label)
            .Select(e => e.UserId).Distinct().CountAsync();
    }
}
