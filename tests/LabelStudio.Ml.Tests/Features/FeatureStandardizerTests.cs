using LabelStudio.Ml.Features;

namespace LabelStudio.Ml.Tests.Features;

public sealed class FeatureStandardizerTests
{
    private static readonly float[][] Pool = [[1000f, 0.01f, 5f], [3000f, 0.03f, 5f], [2000f, 0.02f, 5f]];

    [Fact]
    public void EverySlotGetsZeroMeanAndUnitVarianceOverThePool()
    {
        var scaled = FeatureStandardizer.Fit(Pool).TransformAll(Pool);

        for (var slot = 0; slot < 2; slot++)
        {
            var values = scaled.Select(v => (double)v[slot]).ToArray();
            Assert.Equal(0, values.Average(), tolerance: 1e-6);
            Assert.Equal(1, values.Average(v => v * v), tolerance: 1e-5);
        }
    }

    [Fact]
    public void ASlotThatNeverVariesMapsToZero()
    {
        var scaled = FeatureStandardizer.Fit(Pool).Transform([2500f, 0.025f, 5f]);

        Assert.Equal(0f, scaled[2]);
        Assert.Equal(scaled[0], scaled[1], tolerance: 1e-4);
    }

    [Fact]
    public void StateSurvivesJson()
    {
        var fitted = FeatureStandardizer.Fit(Pool);

        var restored = FeatureStandardizer.FromJson(fitted.ToJson());

        Assert.Equal(fitted.Transform([1500f, 0.5f, 7f]), restored.Transform([1500f, 0.5f, 7f]));
    }

    [Fact]
    public void RefusesAVectorOfAnotherLength()
    {
        var fitted = FeatureStandardizer.Fit(Pool);

        Assert.Throws<ArgumentException>(() => fitted.Transform([1f, 2f]));
    }
}
