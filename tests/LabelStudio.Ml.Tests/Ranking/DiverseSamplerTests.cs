namespace LabelStudio.Ml.Tests.Ranking;

public sealed class DiverseSamplerTests
{
    [Fact]
    public void PicksOneItemFromEachWellSeparatedBlob()
    {
        var (rows, blobs) = TestData.Blobs(classCount: 6, perClass: 80, dimensions: 6, separation: 40f, seed: 5);

        var picked = DiverseSampler.Pick(rows, count: 6, seed: 1);

        Assert.Equal(6, picked.Length);
        Assert.Equal(6, picked.Select(i => blobs[i]).Distinct().Count());
    }

    [Fact]
    public void SameSeedGivesSamePicks()
    {
        var (rows, _) = TestData.Blobs(classCount: 3, perClass: 50, dimensions: 4, separation: 2f, seed: 6);

        var first = DiverseSampler.Pick(rows, count: 10, seed: 9);
        var again = DiverseSampler.Pick(rows, count: 10, seed: 9);

        Assert.Equal(first, again);
        Assert.Equal(10, first.Distinct().Count());
    }

    [Fact]
    public void DuplicateRowsStillGiveTheRequestedCount()
    {
        var rows = Enumerable.Range(0, 8).Select(i => new[] { i % 2 == 0 ? 0f : 1f }).ToArray();

        var picked = DiverseSampler.Pick(rows, count: 5, seed: 2);

        Assert.Equal(5, picked.Distinct().Count());
    }
}
