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

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FirstPicksAreCentralRowsOfTheBiggestClustersNotOutliers(int seed)
    {
        // Three dense blobs centred on an axis each, and three far-out rows that D² sampling favours.
        var (blobRows, blobs) = TestData.Blobs(classCount: 3, perClass: 100, dimensions: 3, separation: 20f, seed: 7);
        float[][] outliers = [[-200f, 0f, 0f], [0f, -200f, 0f], [0f, 0f, -200f]];
        var rows = blobRows.Concat(outliers).ToArray();

        var picked = DiverseSampler.Pick(rows, count: 6, seed);

        var firstThree = picked[..3];
        Assert.All(firstThree, i => Assert.True(i < blobRows.Length, $"row {i} is an outlier"));
        Assert.Equal(3, firstThree.Select(i => blobs[i]).Distinct().Count());
        Assert.All(firstThree, i =>
        {
            var centre = new float[3];
            centre[blobs[i]] = 20f;
            var distance = Math.Sqrt(KMeansPlusPlus.SquaredDistance(rows[i], centre));
            Assert.True(distance < 0.6, $"row {i} lies {distance:F2} from its blob's centre");
        });
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
