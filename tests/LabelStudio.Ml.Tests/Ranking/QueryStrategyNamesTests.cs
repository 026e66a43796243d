using System.Text.Json;

namespace LabelStudio.Ml.Tests.Ranking;

public sealed class QueryStrategyNamesTests
{
    [Theory]
    [InlineData("random", QueryStrategy.Random)]
    [InlineData("Least-Confidence", QueryStrategy.LeastConfidence)]
    [InlineData(" MARGIN ", QueryStrategy.Margin)]
    [InlineData("entropy", QueryStrategy.Entropy)]
    public void ParseAcceptsNamesInAnyCase(string name, QueryStrategy expected)
    {
        var strategy = QueryStrategyNames.Parse(name);

        Assert.Equal(expected, strategy);
    }

    [Fact]
    public void NamesRoundTripForEveryStrategy()
    {
        var strategies = Enum.GetValues<QueryStrategy>();

        var parsed = strategies.Select(s => QueryStrategyNames.Parse(QueryStrategyNames.ToName(s)));

        Assert.Equal(strategies, parsed);
    }

    [Fact]
    public void ParseRejectsUnknownName()
    {
        var error = Record.Exception(() => QueryStrategyNames.Parse("smallest-margin"));

        Assert.IsType<FormatException>(error);
    }

    [Fact]
    public void ParseListKeepsOrderAndDropsDuplicates()
    {
        var strategies = QueryStrategyNames.ParseList("margin, random,margin");

        Assert.Equal([QueryStrategy.Margin, QueryStrategy.Random], strategies);
    }

    [Fact]
    public void ParseListAllGivesEveryStrategy()
    {
        var strategies = QueryStrategyNames.ParseList("ALL");

        Assert.Equal(Enum.GetValues<QueryStrategy>(), strategies);
    }

    [Fact]
    public void JsonWritesTheUserFacingName()
    {
        var json = JsonSerializer.Serialize(QueryStrategy.LeastConfidence);

        Assert.Equal("\"least-confidence\"", json);
    }
}
