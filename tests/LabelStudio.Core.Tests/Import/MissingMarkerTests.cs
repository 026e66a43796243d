using LabelStudio.Core.Import;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Tests.Import;

/// <summary>
/// Files written by R, pandas or spreadsheets mark a missing number with NA, N/A, null and the like;
/// in a number, date or yes/no column those are missing values, not a reason to refuse the file.
/// </summary>
public sealed class MissingMarkerTests
{
    [Fact]
    public async Task MarkersInANumberColumnAreMissingValues()
    {
        var table = await TestFiles.ParseAsync(
            "mass,x\n3750,a\nNA,b\n4100,c\nN/A,d\nnull,e\n#N/A,f\nNaN,g\nnone,h\n3800,i\n");

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.Equal(ColumnKind.Number, profile.Kind);
        Assert.Equal(6, profile.MissingCount);
        Assert.Equal(3, profile.DistinctCount);
        Assert.Equal(["3750", "4100", "3800"], profile.Examples);
    }

    [Fact]
    public async Task MarkersDoNotHideABadNumber()
    {
        var table = await TestFiles.ParseAsync("mass,x\n3750,a\nNA,b\nheavy,c\n");

        var error = ColumnValueValidator.FindFirstBadValue(table, "mass", ColumnKind.Number);

        Assert.NotEqual(ColumnKind.Number, ColumnTypeInference.InferColumn(table, 0).Kind);
        Assert.Equal("test.csv, line 4, column 'mass': 'heavy' is not a number", error?.ToString());
    }

    [Fact]
    public async Task MarkersFitEveryTypedKindTheUserChooses()
    {
        var table = await TestFiles.ParseAsync("n,d,f\n1.5,2024-01-01,yes\nNA,N/A,null\n2,2024-02-01,no\n");

        Assert.Null(ColumnValueValidator.FindFirstBadValue(table, "n", ColumnKind.Number));
        Assert.Null(ColumnValueValidator.FindFirstBadValue(table, "d", ColumnKind.Date));
        Assert.Null(ColumnValueValidator.FindFirstBadValue(table, "f", ColumnKind.Boolean));
        Assert.Equal(ColumnKind.Date, ColumnTypeInference.InferColumn(table, 1).Kind);
        Assert.Equal(ColumnKind.Boolean, ColumnTypeInference.InferColumn(table, 2).Kind);
    }

    [Fact]
    public async Task InACategoryColumnNaIsAValueLikeAnyOther()
    {
        // North America, Europe, Asia: here "NA" is data, and the column is no number column.
        var table = await TestFiles.ParseAsync("region\nNA\nEU\nNA\nEU\nAS\nAS\n");

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.Equal(ColumnKind.Category, profile.Kind);
        Assert.Equal(3, profile.DistinctCount);
        Assert.Equal(0, profile.MissingCount);
    }

    [Fact]
    public async Task AColumnOfMarkersAloneIsNoNumberColumn()
    {
        var table = await TestFiles.ParseAsync("v,x\nNA,a\nNA,b\nnull,c\n");

        var profile = ColumnTypeInference.InferColumn(table, 0);

        Assert.NotEqual(ColumnKind.Number, profile.Kind);
    }
}
