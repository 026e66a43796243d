using LabelStudio.Ml.Tabular;

namespace LabelStudio.Ml.Tests.Tabular;

public sealed class TabularFeaturizerTests
{
    private const float Tolerance = 1e-5f;

    [Fact]
    public void NumbersAreStandardizedOverThePool()
    {
        TabularColumn[] columns = [new("mass", ColumnKind.Number)];
        string?[][] rows = [["1"], ["2"], ["3"]];

        var featurizer = TabularFeaturizer.Fit(columns, rows);

        var scale = MathF.Sqrt(2f / 3f);
        Assert.Equal(1, featurizer.Dimensions);
        Assert.Equal(-1f / scale, featurizer.Transform(["1"])[0], Tolerance);
        Assert.Equal(0f, featurizer.Transform(["2"])[0], Tolerance);
        Assert.Equal(2.5f / scale, featurizer.Transform(["4.5"])[0], Tolerance);
    }

    [Fact]
    public void MissingOrUnparseableNumberSitsAtTheMeanWithAnIndicator()
    {
        TabularColumn[] columns = [new("mass", ColumnKind.Number), new("age", ColumnKind.Number)];
        string?[][] rows = [["10", "1"], [null, "2"], ["abc", "3"], ["20", "4"]];

        var featurizer = TabularFeaturizer.Fit(columns, rows);

        Assert.Equal(3, featurizer.Dimensions);
        Assert.Equal([0f, 1f], featurizer.Transform(["", "2.5"])[..2]);
        Assert.Equal([0f, 1f], featurizer.Transform(["n/a", "2.5"])[..2]);
        Assert.Equal(-1f, featurizer.Transform(["10", "2.5"])[0], Tolerance);
        Assert.Equal(0f, featurizer.Transform(["10", "2.5"])[1]);
    }

    [Fact]
    public void CategoriesBeyondTheCapShareTheOtherSlotAndMissingIsItsOwnValue()
    {
        TabularColumn[] columns = [new("island", ColumnKind.Category)];
        string?[][] rows =
            [["Biscoe"], ["Biscoe"], ["Biscoe"], ["Dream"], ["Dream"], ["Dream"], [null], [""], ["Torgersen"]];
        var options = new TabularFeaturizerOptions { MaxCategories = 3 };

        var featurizer = TabularFeaturizer.Fit(columns, rows, options);

        Assert.Equal(4, featurizer.Dimensions);
        Assert.Equal([1f, 0f, 0f, 0f], featurizer.Transform([" Biscoe "]));
        Assert.Equal([0f, 1f, 0f, 0f], featurizer.Transform(["Dream"]));
        Assert.Equal([0f, 0f, 1f, 0f], featurizer.Transform([null]));
        Assert.Equal([0f, 0f, 0f, 1f], featurizer.Transform(["Torgersen"]));
        Assert.Equal([0f, 0f, 0f, 1f], featurizer.Transform(["Never seen"]));
    }

    [Theory]
    [InlineData("true", 1f)]
    [InlineData("YES", 1f)]
    [InlineData("y", 1f)]
    [InlineData("1", 1f)]
    [InlineData("False", 0f)]
    [InlineData("no", 0f)]
    [InlineData("N", 0f)]
    [InlineData("0", 0f)]
    public void BooleansAcceptCommonSpellings(string cell, float expected)
    {
        var featurizer = TabularFeaturizer.Fit([new("flag", ColumnKind.Boolean)], [["yes"], ["no"]]);

        var features = featurizer.Transform([cell]);

        Assert.Equal([expected], features);
    }

    [Fact]
    public void MissingBooleanGetsAnIndicator()
    {
        var featurizer = TabularFeaturizer.Fit([new("flag", ColumnKind.Boolean)], [["yes"], [null], ["maybe"]]);

        var features = featurizer.Transform([""]);

        Assert.Equal([0f, 1f], features);
    }

    [Fact]
    public void DatesInCommonFormatsReadAsTheSameDay()
    {
        var featurizer = TabularFeaturizer.Fit([new("seen", ColumnKind.Date)], [["2024-01-01"], ["2024-01-11"]]);

        var features = new[] { "2024-01-06", "2024-01-06T00:00:00Z", "01/06/2024", "06.01.2024", "20240106" }
            .Select(cell => featurizer.Transform([cell])[0]);

        Assert.All(features, f => Assert.Equal(0f, f, Tolerance));
        Assert.Equal(1f, featurizer.Transform(["2024-01-11"])[0], Tolerance);
    }

    [Fact]
    public void TextIsAHashedL2NormalizedBagOfWordsAndPairs()
    {
        var options = new TabularFeaturizerOptions { TextBuckets = 64 };
        var featurizer = TabularFeaturizer.Fit([new("note", ColumnKind.Text)], [["anything"]], options);

        var features = featurizer.Transform(["Big  cat, big!"]);
        var sameWordsOtherCase = featurizer.Transform(["big CAT big"]);
        var otherOrder = featurizer.Transform(["cat big big"]);

        Assert.Equal(64, features.Length);
        Assert.Equal(1f, MathF.Sqrt(features.Sum(f => f * f)), Tolerance);
        Assert.Equal(features, sameWordsOtherCase);
        Assert.NotEqual(features, otherOrder);
        Assert.All(featurizer.Transform([null]), f => Assert.Equal(0f, f));
    }

    [Fact]
    public void JsonStateTransformsExactlyLikeTheOriginal()
    {
        TabularColumn[] columns =
        [
            new("mass", ColumnKind.Number), new("island", ColumnKind.Category), new("flag", ColumnKind.Boolean),
            new("seen", ColumnKind.Date), new("note", ColumnKind.Text),
        ];
        string?[][] rows =
        [
            ["1.5", "Dream", "yes", "2020-05-01", "a quiet bird"],
            [null, null, "no", "2021-05-01", "loud"],
            ["3.5", "Biscoe", null, null, null],
        ];
        var featurizer = TabularFeaturizer.Fit(columns, rows);

        var restored = TabularFeaturizer.FromJson(featurizer.ToJson());

        Assert.Equal(featurizer.Dimensions, restored.Dimensions);
        Assert.Equal(featurizer.TransformAll(rows), restored.TransformAll(rows));
    }

    [Fact]
    public void RaggedRowsAreRejected()
    {
        TabularColumn[] columns = [new("a", ColumnKind.Number), new("b", ColumnKind.Number)];

        var error = Record.Exception(() => TabularFeaturizer.Fit(columns, [["1", "2"], ["3"]]));

        Assert.IsType<ArgumentException>(error);
    }
}
