using LabelStudio.Core.Import;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Tests.Import;

public sealed class ColumnValueValidatorTests
{
    [Fact]
    public async Task FirstValueThatIsNotANumberIsReportedWithItsLine()
    {
        var table = await TestFiles.ParseAsync("Id,Body Mass (g)\n1,3750\n2,\n3,heavy\n4,light\n");

        var error = ColumnValueValidator.FindFirstBadValue(table, "Body Mass (g)", ColumnKind.Number);

        Assert.Equal("test.csv, line 4, column 'Body Mass (g)': 'heavy' is not a number", error?.ToString());
    }

    [Fact]
    public async Task ColumnWhoseValuesAllFitHasNoBadValue()
    {
        var table = await TestFiles.ParseAsync("a,b\nyes,2024-01-01\nNo,\n");

        var booleans = ColumnValueValidator.FindFirstBadValue(table, "a", ColumnKind.Boolean);
        var dates = ColumnValueValidator.FindFirstBadValue(table, "b", ColumnKind.Date);

        Assert.Null(booleans);
        Assert.Null(dates);
    }

    [Fact]
    public async Task SlashDateIsNotADate()
    {
        var table = await TestFiles.ParseAsync("a,b\n1,31/12/2024\n");

        var errors = ColumnValueValidator.FindBadValues(table, "b", ColumnKind.Date).ToList();

        var error = Assert.Single(errors);
        Assert.StartsWith("'31/12/2024' is not a date", error.Message);
    }

    [Fact]
    public async Task AnyValueFitsCategoryAndText()
    {
        var table = await TestFiles.ParseAsync("a,b\n1,x\n2,y\n");

        var asCategory = ColumnValueValidator.FindFirstBadValue(table, "b", ColumnKind.Category);
        var asText = ColumnValueValidator.FindFirstBadValue(table, "b", ColumnKind.Text);

        Assert.Null(asCategory);
        Assert.Null(asText);
    }
}
