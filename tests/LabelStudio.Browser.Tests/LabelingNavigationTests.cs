using LabelStudio.Browser.Tests.Infrastructure;

namespace LabelStudio.Browser.Tests;

/// <summary>Going back, relabeling and skipping, each by a fresh annotator on the same app.</summary>
public sealed class LabelingNavigationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task BackShowsTheLastItemForReviewAndAClassKeyRelabelsIt()
    {
        var (labeling, first) = await app.OpenPenguinsAsNewAnnotatorAsync();
        var labeledBefore = int.Parse((await labeling.StatusLine.GetAttributeAsync("data-labeled"))!);
        var firstKey = PenguinRule.KeyFor(await labeling.ReadFieldsAsync());
        var second = await labeling.PressAsync(firstKey);
        await Assertions.Expect(labeling.ReviewingBanner).ToHaveCountAsync(0);

        var reviewed = await labeling.PressAsync("ArrowLeft");

        Assert.Equal(first, reviewed);
        await Assertions.Expect(labeling.ReviewingBanner)
            .ToContainTextAsync($"labeled {PenguinRule.ClassName(firstKey)}");

        var relabelKey = PenguinRule.OtherThan(firstKey);
        var afterRelabel = await labeling.PressAsync(relabelKey);

        Assert.Equal(second, afterRelabel);
        await Assertions.Expect(labeling.ReviewingBanner).ToHaveCountAsync(0);
        string[] decisions = [PenguinRule.ClassName(firstKey), PenguinRule.ClassName(relabelKey)];
        Assert.Equal(decisions, await app.DecisionsOnAsync(first));

        var third = await labeling.PressAsync(PenguinRule.KeyFor(await labeling.ReadFieldsAsync()));

        Assert.DoesNotContain(third, new[] { first, second, "" });
        await Assertions.Expect(labeling.ReviewingBanner).ToHaveCountAsync(0);
        await Assertions.Expect(labeling.StatusLine).ToHaveAttributeAsync("data-labeled", $"{labeledBefore + 2}");
    }

    [Fact]
    public async Task TabSkipsToAnotherItemAndTheSkippedItemIsNotServedAgainToTheSameAnnotator()
    {
        var (labeling, skipped) = await app.OpenPenguinsAsNewAnnotatorAsync();

        var next = await labeling.PressAsync("Tab");

        Assert.NotEqual(skipped, next);
        Assert.Equal(["skip"], await app.DecisionsOnAsync(skipped));

        // The skipped item is still the best free one; only the skip keeps it from this annotator.
        var afterLabel = await labeling.PressAsync(PenguinRule.KeyFor(await labeling.ReadFieldsAsync()));
        await labeling.Page.ReloadAsync();
        var afterReload = await labeling.WaitForItemAsync();

        Assert.NotEqual(skipped, afterLabel);
        Assert.Equal(afterLabel, afterReload);
        var (colleague, colleagueFirst) = await app.OpenPenguinsAsNewAnnotatorAsync();
        Assert.Equal(skipped, colleagueFirst);
        await colleague.Page.Context.CloseAsync();
    }
}
