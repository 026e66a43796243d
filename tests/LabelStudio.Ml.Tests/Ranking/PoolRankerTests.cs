namespace LabelStudio.Ml.Tests.Ranking;

public sealed class PoolRankerTests
{
    [Fact]
    public void MarginRanksCloseCallsFirst()
    {
        float[][] pool = [[0.9f, 0.1f, 0f], [0.45f, 0.44f, 0.11f], [0.6f, 0.3f, 0.1f]];

        var ranked = PoolRanker.Rank(pool, QueryStrategy.Margin, seed: 0);

        Assert.Equal([1, 2, 0], ranked.Order);
        Assert.Equal(1f - 0.01f, ranked.Scores[1], 1e-5f);
    }

    [Fact]
    public void EqualScoresKeepTheLowerPoolIndexFirst()
    {
        float[][] pool = [[0.8f, 0.2f], [0.5f, 0.5f], [0.2f, 0.8f], [0.5f, 0.5f], [0.8f, 0.2f]];

        var ranked = PoolRanker.Rank(pool, QueryStrategy.Entropy, seed: 0);

        Assert.Equal([1, 3, 0, 2, 4], ranked.Order);
    }

    [Fact]
    public void RandomIsTheSameShuffleForTheSameSeed()
    {
        var pool = Enumerable.Range(0, 50).Select(_ => new[] { 0.5f, 0.5f }).ToArray();

        var first = PoolRanker.Rank(pool, QueryStrategy.Random, seed: 11);
        var again = PoolRanker.Rank(pool, QueryStrategy.Random, seed: 11);
        var other = PoolRanker.Rank(pool, QueryStrategy.Random, seed: 12);

        Assert.Equal(first.Order, again.Order);
        Assert.NotEqual(first.Order, other.Order);
        Assert.Equal(Enumerable.Range(0, 50), first.Order.Order());
        Assert.Equal(first.Order, PoolRanker.OrderByScore(first.Scores));
    }

    [Fact]
    public void DiversifySpreadsTheBatchOverClustersOfNearDuplicates()
    {
        // Items 0-5 are near-duplicates with the best scores; 6-11 sit far away with lower scores.
        var features = Enumerable.Range(0, 12)
            .Select(i => i < 6 ? new[] { 0f, i * 0.01f } : [100f, i * 0.01f])
            .ToArray();
        var pool = Enumerable.Range(0, 12).Select(i => new[] { 0.5f + i * 0.02f, 0.5f - i * 0.02f }).ToArray();
        var ranked = PoolRanker.Rank(pool, QueryStrategy.Margin, seed: 0);

        var diverse = PoolRanker.Diversify(ranked, features, batchSize: 2, seed: 3, candidateFactor: 6);

        Assert.Equal([0, 1, 2, 3, 4, 5], ranked.Order[..6]);
        Assert.Equal([0, 6], diverse.Order[..2]);
        Assert.Equal(Enumerable.Range(0, 12), diverse.Order.Order());
    }

    [Theory]
    [InlineData(QueryStrategy.Margin)]
    [InlineData(QueryStrategy.LeastConfidence)]
    [InlineData(QueryStrategy.Entropy)]
    [InlineData(QueryStrategy.Random)]
    public void ScoringThePoolIntoOneMatrixRanksItExactlyAsRowByRow(QueryStrategy strategy)
    {
        // Overlapping blobs give many close calls; class 3 has no labels, so its slot stays 0.
        var (rows, labels) = TestData.Blobs(3, 80, 5, 1.2f, seed: 4);
        var set = new LabeledSet(rows[..60], labels[..60], ClassCount: 4);
        var classifier = new ClassifierTrainer().Train(set, CancellationToken.None);
        var pool = rows[60..];

        var byRow = PoolRanker.Rank(classifier.PredictProbabilities(pool), strategy, seed: 3);
        var byMatrix = PoolRanker.Rank(classifier.PredictProbabilityMatrix(pool, maxThreads: 1), strategy, seed: 3);

        Assert.Equal(byRow.Order, byMatrix.Order);
        Assert.Equal(byRow.Scores, byMatrix.Scores);
        var oneByOne = pool.Select(row => Classifier.ArgMax(classifier.PredictProbabilities([row])[0]));
        Assert.Equal(classifier.Predict(pool), oneByOne);
    }
}
