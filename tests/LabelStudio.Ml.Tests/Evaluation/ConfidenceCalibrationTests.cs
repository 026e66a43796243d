namespace LabelStudio.Ml.Tests.Evaluation;

public sealed class ConfidenceCalibrationTests
{
    [Fact]
    public void FitRecoversHowOftenAnOverconfidentModelIsRight()
    {
        // A model right σ(0.5·logit(p) − 0.3) of the time when it says p: far less sure than it claims.
        var (confidences, right) = Predictions(count: 5_000, p => Sigmoid(0.5 * Logit(p) - 0.3), seed: 1);

        var calibration = ConfidenceCalibration.Fit(confidences, right);

        Assert.InRange(calibration.Slope, 0.4, 0.6);
        Assert.InRange(calibration.Intercept, -0.45, -0.15);
    }

    [Fact]
    public void AModelRightAsOftenAsItSaysKeepsItsProbabilities()
    {
        var (confidences, right) = Predictions(count: 5_000, p => p, seed: 2);

        var calibration = ConfidenceCalibration.Fit(confidences, right);

        Assert.InRange(calibration.ChanceRight(0.6), 0.55, 0.65);
        Assert.InRange(calibration.ChanceRight(0.9), 0.87, 0.93);
    }

    [Fact]
    public void WithoutPredictionsTheProbabilitiesAreTakenAsTheyAre()
    {
        var calibration = ConfidenceCalibration.Fit([], []);

        Assert.Equal(new ConfidenceCalibration(1, 0), calibration);
        Assert.Equal(0.8, calibration.ChanceRight(0.8), precision: 10);
    }

    [Fact]
    public void AllRightOrAllWrongStillGivesAFiniteCalibration()
    {
        var allRight = ConfidenceCalibration.Fit([0.6, 0.7, 0.99, 1.0], [true, true, true, true]);
        var allWrong = ConfidenceCalibration.Fit([0.5, 0.6, 0.7], [false, false, false]);

        Assert.True(double.IsFinite(allRight.Slope) && double.IsFinite(allRight.Intercept));
        Assert.True(allRight.ChanceRight(0.7) > 0.7);
        Assert.True(allWrong.ChanceRight(0.7) < 0.7);
    }

    [Fact]
    public void TheEstimateCarriesTheCalibrationOfItsHeldOutPredictions()
    {
        var (rows, labels) = TestData.Blobs(classCount: 3, perClass: 20, dimensions: 4, separation: 1.5f, seed: 8);

        var estimate = AccuracyEstimator.Estimate(new LabeledSet(rows, labels, 3), seed: 0, CancellationToken.None);
        var untestable = AccuracyEstimator.Estimate(
            new LabeledSet([[0f], [1f]], [0, 1], 2), seed: 0, CancellationToken.None);

        Assert.NotNull(estimate.Calibration);
        Assert.NotEqual(new ConfidenceCalibration(1, 0), estimate.Calibration);
        Assert.Null(untestable.Calibration);
    }

    private static (double[] Confidences, bool[] Right) Predictions(int count, Func<double, double> chance, int seed)
    {
        var random = new Random(seed);
        var confidences = Enumerable.Range(0, count).Select(_ => 0.5 + 0.5 * random.NextDouble()).ToArray();
        var right = confidences.Select(p => random.NextDouble() < chance(p)).ToArray();
        return (confidences, right);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
