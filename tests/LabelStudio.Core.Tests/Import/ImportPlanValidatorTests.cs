using LabelStudio.Core.Import;
using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Tests.Import;

public sealed class ImportPlanValidatorTests
{
    private static readonly string[] Species = ["Adelie", "Chinstrap", "Gentoo"];
    private static readonly string[] Measures = ["Beak Length (mm)", "Body Mass (g)"];

    [Fact]
    public async Task PenguinPlanWithKnownClassesIsValid()
    {
        var table = await TestFiles.ParseDataFileAsync("penguins.csv");
        var plan = new TableImportPlan([.. Measures, "Island", "Sex"], "Id", "Species");

        var result = ImportPlanValidator.Validate(table, plan, Species);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(ColumnKind.Number, result.FeatureKinds["Body Mass (g)"]);
        Assert.Equal(ColumnKind.Category, result.FeatureKinds["Sex"]);
    }

    [Fact]
    public async Task PlanWithoutFeatureColumnIsRejected()
    {
        var table = await TestFiles.ParseDataFileAsync("penguins.csv");

        var result = ImportPlanValidator.Validate(table, new TableImportPlan([], "Id", "Species"), Species);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("penguins.csv: no feature column is chosen", error.ToString());
    }

    [Fact]
    public async Task ColumnsThatDoNotExistAreNamed()
    {
        var table = await TestFiles.ParseDataFileAsync("penguins.csv");
        var kinds = new Dictionary<string, ColumnKind> { ["Age"] = ColumnKind.Number };
        var plan = new TableImportPlan(["Wingspan"], "Key", ColumnKinds: kinds);

        var result = ImportPlanValidator.Validate(table, plan, Species);

        Assert.Equal(["Wingspan", "Key", "Age"], result.Errors.Select(e => e.Column));
        Assert.All(result.Errors, e => Assert.Equal("the file has no such column", e.Message));
    }

    [Fact]
    public async Task IdOrLabelColumnChosenAsFeatureIsRejected()
    {
        var table = await TestFiles.ParseDataFileAsync("penguins.csv");
        var plan = new TableImportPlan(["Id", "Species", "Island"], "Id", "Species");

        var result = ImportPlanValidator.Validate(table, plan, Species);

        Assert.Equal(["Id", "Species"], result.Errors.Select(e => e.Column));
    }

    [Fact]
    public async Task MissingAndDuplicateIdsNameTheirLines()
    {
        var table = await TestFiles.ParseAsync("Id,x\na,1\n,2\nb,3\na,4\n");

        var result = ImportPlanValidator.Validate(table, new TableImportPlan(["x"], "Id"), []);

        Assert.Equal(
            ["test.csv, line 3, column 'Id': the id is missing; every row needs one",
             "test.csv, line 5, column 'Id': the id 'a' is already used on line 2"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task FeatureValuesAreCheckedAgainstTheChosenKind()
    {
        var table = await TestFiles.ParseAsync("Id,Body Mass (g),Sex\n1,3750,M\n2,heavy,F\n3,,F\n");
        var kinds = new Dictionary<string, ColumnKind> { ["Body Mass (g)"] = ColumnKind.Number };
        var plan = new TableImportPlan(["Body Mass (g)", "Sex"], "Id", ColumnKinds: kinds);

        var result = ImportPlanValidator.Validate(table, plan, []);

        var error = Assert.Single(result.Errors);
        Assert.Equal("test.csv, line 3, column 'Body Mass (g)': 'heavy' is not a number", error.ToString());
    }

    [Theory]
    [InlineData(LabelMode.ImportAsLabels)]
    [InlineData(LabelMode.HiddenGroundTruth)]
    public async Task LabelClassesTheProjectLacksAreListedApart(LabelMode mode)
    {
        var text = "Id,Mass,Species\n1,3,Adelie\n2,4,Emperor\n3,5,\n4,6,Emperor\n5,7,King\n";
        var table = await TestFiles.ParseAsync(text);
        var plan = new TableImportPlan(["Mass"], "Id", "Species", mode);

        var result = ImportPlanValidator.Validate(table, plan, Species);

        Assert.Empty(result.Errors);
        Assert.False(result.IsValid);
        Assert.Equal([new UnknownClass("Emperor", 3, 2), new UnknownClass("King", 6, 1)], result.UnknownClasses);
        Assert.Equal(
            "test.csv, line 3, column 'Species': 'Emperor' is not one of the project's classes (2 rows)",
            result.UnknownClassErrors()[0].ToString());
    }

    [Fact]
    public async Task ThrowIfInvalidCarriesEveryProblem()
    {
        var table = await TestFiles.ParseAsync("Id,Mass,Species\n1,x,Emperor\n1,4,Adelie\n");
        var kinds = new Dictionary<string, ColumnKind> { ["Mass"] = ColumnKind.Number };
        var plan = new TableImportPlan(["Mass"], "Id", "Species", ColumnKinds: kinds);
        var result = ImportPlanValidator.Validate(table, plan, Species);

        var failure = Assert.Throws<ImportFailedException>(result.ThrowIfInvalid);

        Assert.Equal(3, failure.Errors.Count);
    }
}
