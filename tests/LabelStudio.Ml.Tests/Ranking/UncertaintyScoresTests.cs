namespace LabelStudio.Ml.Tests.Ranking;

public sealed class UncertaintyScoresTests
{
    private const float Tolerance = 1e-6f;

    [Fact]
    public void LeastConfidenceIsOneMinusTopProbability()
    {
        float[] probabilities = [0.2f, 0.5f, 0.3f];

        var score = UncertaintyScores.LeastConfidence(probabilities);

        Assert.Equal(0.5f, score, Tolerance);
    }

    [Fact]
    public void MarginIsOneMinusGapBetweenTopTwo()
    {
        float[] probabilities = [0.1f, 0.6f, 0.3f];

        var score = UncertaintyScores.Margin(probabilities);

        Assert.Equal(0.7f, score, Tolerance);
    }

    [Fact]
    public void MarginOfATieBetweenTopTwoIsOne()
    {
        float[] probabilities = [0.4f, 0.2f, 0.4f];

        var score = UncertaintyScores.Margin(probabilities);

        Assert.Equal(1f, score, Tolerance);
    }

    [Fact]
    public void EntropyMatchesHandComputedValue()
    {
        float[] probabilities = [0.5f, 0.25f, 0.25f, 0f];
        var expected = (0.5 * Math.Log(2) + 2 * 0.25 * Math.Log(4)) / Math.Log(4);

        var score = UncertaintyScores.Entropy(probabilities);

        Assert.Equal((float)expected, score, Tolerance);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    public void EntropyOfUniformDistributionIsOneForAnyClassCount(int classCount)
    {
        var probabilities = Enumerable.Repeat(1f / classCount, classCount).ToArray();

        var score = UncertaintyScores.Entropy(probabilities);

        Assert.Equal(1f, score, 1e-5f);
    }

    [Fact]
    public void CertainPredictionScoresZeroOnEveryStrategy()
    {
        float[] probabilities = [0f, 1f, 0f];

        var scores = new[] { QueryStrategy.LeastConfidence, QueryStrategy.Margin, QueryStrategy.Entropy }
            .Select(s => UncertaintyScores.Score(s, probabilities));

        Assert.All(scores, s => Assert.Equal(0f, s, Tolerance));
    }

    [Fact]
    public void TwoClassStrategiesAllRankTheSameWay()
    {
        float[][] pool = [[0.9f, 0.1f], [0.55f, 0.45f], [0.3f, 0.7f], [0.02f, 0.98f], [0.6f, 0.4f]];
        int[] expected = [1, 4, 2, 0, 3];

        var orders = new[] { QueryStrategy.LeastConfidence, QueryStrategy.Margin, QueryStrategy.Entropy }
            .Select(s => pool
                .Select((p, i) => (Score: UncertaintyScores.Score(s, p), Index: i))
                .OrderByDescending(x => x.Score)
                .Select(x => x.Index)
                .ToArray());

        Assert.All(orders, order => Assert.Equal(expected, order));
    }

    [Fact]
    public void MarginRanksCloseCallsFirstWhereLeastConfidenceDoesNot()
    {
        float[] closeCall = [0.45f, 0.45f, 0.1f];
        float[] spread = [0.4f, 0.3f, 0.3f];

        var marginPrefersCloseCall = UncertaintyScores.Margin(closeCall) > UncertaintyScores.Margin(spread);
        var leastConfidencePrefersCloseCall =
            UncertaintyScores.LeastConfidence(closeCall) > UncertaintyScores.LeastConfidence(spread);

        Assert.True(marginPrefersCloseCall);
        Assert.False(leastConfidencePrefersCloseCall);
    }

    [Fact]
    public void RandomHasNoScore()
    {
        float[] probabilities = [0.5f, 0.5f];

        var error = Record.Exception(() => UncertaintyScores.Score(QueryStrategy.Random, probabilities));

        Assert.IsType<ArgumentException>(error);
    }
}
