using LabelStudio.Core.Import;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Tests.Import;

public sealed class ColumnTypeInferenceTests
{
    [Fact]
    public async Task PenguinColumnsGetSensibleKinds()
    {
        var table = await TestFiles.ParseDataFileAsync("penguins.csv");

        var kinds = ColumnTypeInference.Infer(table).ToDictionary(p => p.Name, p => p.Kind);

        Assert.Equal(ColumnKind.Text, kinds["Id"]);
        Assert.Equal(ColumnKind.Category, kinds["Species"]);
        Assert.Equal(ColumnKind.Category, kinds["Island"]);
        Assert.Equal(ColumnKind.Number, kinds["Beak Length (mm)"]);
        Assert.Equal(ColumnKind.Number, kinds["Body Mass (g)"]);
        Assert.Equal(ColumnKind.Category, kinds["Sex"]);
    }

    [Fact]
    public async Task StatsCountMissingAndDistinctValuesAndKeepFiveExamples()
    {
        var table = await TestFiles.ParseDataFileAsync("penguins.csv");

        var profiles = ColumnTypeInference.Infer(table);

        var sex = profiles.Single(p => p.Name == "Sex");
        Assert.Equal(3, sex.DistinctCount);
        Assert.Equal(10, sex.MissingCount);
        Assert.Equal(["MALE", "FEMALE", "."], sex.Examples);
        var mass = profiles.Single(p => p.Name == "Body Mass (g)");
        Assert.Equal(2, mass.MissingCount);
        Assert.Equal(5, mass.Examples.Count);
    }

    [Fact]
    public async Task NumbersWithMissingValuesAndExponentsAreNumbers()
    {
        var table = await TestFiles.ParseAsync("v,w\n-1.5,a\n,b\n2e3,c\n  7 ,d\n");

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.Equal(ColumnKind.Number, profile.Kind);
        Assert.Equal(1, profile.MissingCount);
    }

    [Fact]
    public async Task ThousandsSeparatorsAreNotNumbers()
    {
        var table = await TestFiles.ParseAsync("price;x\n1,234;a\n5,678;b\n9,999;c\n");

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.NotEqual(ColumnKind.Number, profile.Kind);
    }

    [Theory]
    [InlineData("yes", "no")]
    [InlineData("TRUE", "false")]
    [InlineData("1", "0")]
    [InlineData("Y", "n")]
    public async Task TwoOppositeYesNoValuesAreBoolean(string yes, string no)
    {
        var table = await TestFiles.ParseAsync($"flag,x\n{yes},a\n{no},b\n,c\n{yes},d\n");

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.Equal(ColumnKind.Boolean, profile.Kind);
    }

    [Fact]
    public async Task ZerosAndOnesWithATwoAreNumbers()
    {
        var table = await TestFiles.ParseAsync("n,x\n0,a\n1,b\n2,c\n");

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.Equal(ColumnKind.Number, profile.Kind);
    }

    [Fact]
    public async Task IsoDatesAndDateTimesAreDates()
    {
        var text = "seen,x\n2024-01-31,a\n2024-02-01T08:30:00Z,b\n2024-02-02 09:15,c\n,d\n";
        var table = await TestFiles.ParseAsync(text);

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.Equal(ColumnKind.Date, profile.Kind);
    }

    [Fact]
    public async Task DayFirstSlashDatesAreNotGuessedAsDates()
    {
        var table = await TestFiles.ParseAsync("seen,x\n31/01/2024,a\n01/02/2024,b\n");

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.NotEqual(ColumnKind.Date, profile.Kind);
    }

    [Fact]
    public async Task FreeTextWithManyDistinctValuesIsText()
    {
        var lines = Enumerable.Range(0, 60).Select(i => $"{i},\"Review number {i}, quite long\"");
        var table = await TestFiles.ParseAsync("n,review\n" + string.Join('\n', lines));

        var profile = ColumnTypeInference.InferColumn(table, 1);

        Assert.Equal(ColumnKind.Text, profile.Kind);
        Assert.Equal(60, profile.DistinctCount);
    }

    [Fact]
    public async Task LongValuesAreTextEvenWhenRepeated()
    {
        var longValue = new string('x', 100);
        var table = await TestFiles.ParseAsync($"a,b\n{longValue},1\n{longValue},2\n{longValue},3\n");

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.Equal(ColumnKind.Text, profile.Kind);
    }
}
