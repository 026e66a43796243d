using System.Net;

namespace LabelStudio.Web.Tests.Api;

/// <summary>Refusals of a decision say what really happened: who holds the item, whose lease it was.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiLeaseProblemsTests(ApiFixture fixture)
{
    private const int Penguins = 1;

    [Fact]
    public async Task LabelingAnItemAColleagueHoldsSaysTheyHoldItNotThatYourHoldExpired()
    {
        using var bob = await fixture.ClientAsync(ApiFixture.Annotator);
        using var alice = await fixture.ClientAsync(ApiFixture.Annotator);
        var held = await bob.NextItemAsync(Penguins);

        var response = await alice.PostJsonAsync($"/api/v1/projects/{Penguins}/labels", new
        {
            itemId = held.GetProperty("itemId").GetInt64(),
            @class = "Adelie",
        });

        var detail = (await response.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString();
        Assert.Contains("Another annotator holds this item", detail);
        Assert.DoesNotContain("expired", detail);
    }

    [Fact]
    public async Task ALeaseOnAnotherItemIsRefusedNamingTheMismatch()
    {
        using var alice = await fixture.ClientAsync(ApiFixture.Annotator);
        using var bob = await fixture.ClientAsync(ApiFixture.Annotator);
        var mine = await alice.NextItemAsync(Penguins);
        var theirs = await bob.NextItemAsync(Penguins);

        var response = await alice.PostJsonAsync($"/api/v1/projects/{Penguins}/labels", new
        {
            itemId = theirs.GetProperty("itemId").GetInt64(),
            leaseId = mine.GetProperty("leaseId").GetInt64(),
            @class = "Adelie",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.FieldErrors("leaseId")[0];
        Assert.Contains($"item {mine.GetProperty("itemId").GetInt64()}", message);
        Assert.Contains($"not item {theirs.GetProperty("itemId").GetInt64()}", message);
    }

    [Fact]
    public async Task AnotherUsersLeaseIsRefusedNamingTheMismatch()
    {
        using var alice = await fixture.ClientAsync(ApiFixture.Annotator);
        using var bob = await fixture.ClientAsync(ApiFixture.Annotator);
        var theirs = await bob.NextItemAsync(Penguins);

        var response = await alice.PostJsonAsync($"/api/v1/projects/{Penguins}/labels", new
        {
            itemId = theirs.GetProperty("itemId").GetInt64(),
            leaseId = theirs.GetProperty("leaseId").GetInt64(),
            @class = "Adelie",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("another annotator", problem.FieldErrors("leaseId")[0]);
    }
}
