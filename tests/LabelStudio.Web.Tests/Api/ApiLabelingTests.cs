using System.Net;
using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Web.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiLabelingTests(ApiFixture fixture)
{
    private const int Penguins = 1;

    [Fact]
    public async Task NextItemIsLeasedToTheTokensUserAndStaysTheSameUntilDecided()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);

        var first = await client.NextItemAsync(Penguins);
        var again = await client.NextItemAsync(Penguins);

        Assert.Equal(first.GetProperty("leaseId").GetInt64(), again.GetProperty("leaseId").GetInt64());
        Assert.Equal(first.GetProperty("itemId").GetInt64(), again.GetProperty("itemId").GetInt64());
        Assert.True(first.GetProperty("fields").TryGetProperty("Island", out _));
        Assert.False(first.GetProperty("fields").TryGetProperty("Species", out _));
        Assert.Equal(["Adelie", "Chinstrap", "Gentoo"], first.GetProperty("classes").EnumerateArray()
            .Select(c => c.GetString()).Order());
    }

    [Fact]
    public async Task TwoUsersNeverGetTheSameItem()
    {
        using var one = await fixture.ClientAsync(ApiFixture.Annotator);
        using var two = await fixture.ClientAsync(ApiFixture.Annotator);

        var first = await one.NextItemAsync(Penguins);
        var second = await two.NextItemAsync(Penguins);

        Assert.NotEqual(first.GetProperty("itemId").GetInt64(), second.GetProperty("itemId").GetInt64());
    }

    [Fact]
    public async Task ALabelIsRecordedAndListedWithItsAnnotator()
    {
        var user = await fixture.UserAsync(ApiFixture.Annotator);
        await fixture.JoinAsync(Penguins, user, ProjectRole.Annotator);
        using var client = fixture.ClientWith((await fixture.TokenAsync(user)).Secret);
        using var lead = await fixture.ClientAsync(ApiFixture.Lead);
        var item = await client.NextItemAsync(Penguins);

        var response = await client.PostJsonAsync($"/api/v1/projects/{Penguins}/labels", new
        {
            itemId = item.GetProperty("itemId").GetInt64(),
            leaseId = item.GetProperty("leaseId").GetInt64(),
            @class = "gentoo",
            comment = "bill looks long",
            secondsSpent = 3.5,
        });
        var label = await response.JsonAsync(HttpStatusCode.Created);
        var page = await (await lead.GetAsync(
            $"/api/v1/projects/{Penguins}/labels?after={label.GetProperty("id").GetInt64() - 1}&limit=1"))
            .JsonAsync(HttpStatusCode.OK);

        var listed = Assert.Single(page.GetProperty("labels").EnumerateArray());
        Assert.Equal("Gentoo", listed.GetProperty("class").GetString());
        Assert.Equal("label", listed.GetProperty("kind").GetString());
        Assert.Equal(user.Email, listed.GetProperty("annotator").GetString());
        Assert.Equal("bill looks long", listed.GetProperty("comment").GetString());
        Assert.Equal(item.GetProperty("externalId").GetString(), listed.GetProperty("externalId").GetString());
        var following = await client.NextItemAsync(Penguins);
        Assert.NotEqual(item.GetProperty("itemId").GetInt64(), following.GetProperty("itemId").GetInt64());
    }

    [Fact]
    public async Task LabelsArePagedOldestFirstByCursor()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);
        for (var i = 0; i < 3; i++)
        {
            var item = await client.NextItemAsync(Penguins);
            await (await client.PostJsonAsync($"/api/v1/projects/{Penguins}/labels", new
            {
                itemId = item.GetProperty("itemId").GetInt64(),
                leaseId = item.GetProperty("leaseId").GetInt64(),
                skip = true,
            })).JsonAsync(HttpStatusCode.Created);
        }

        var ids = new List<long>();
        long? after = 0;
        while (after is { } cursor)
        {
            var page = await (await client.GetAsync($"/api/v1/projects/{Penguins}/labels?after={cursor}&limit=2"))
                .JsonAsync(HttpStatusCode.OK);
            ids.AddRange(page.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));
            after = page.GetProperty("next").ValueKind == System.Text.Json.JsonValueKind.Null
                ? null
                : page.GetProperty("next").GetInt64();
        }

        Assert.True(ids.Count >= 3);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task AnUnknownClassIsRefusedNamingTheClassField()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);
        var item = await client.NextItemAsync(Penguins);

        var response = await client.PostJsonAsync($"/api/v1/projects/{Penguins}/labels", new
        {
            itemId = item.GetProperty("itemId").GetInt64(),
            leaseId = item.GetProperty("leaseId").GetInt64(),
            @class = "Emperor",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("'Emperor' is not a class", problem.FieldErrors("class")[0]);
    }

    [Fact]
    public async Task ADecisionSentAgainWithItsSpentLeaseIsAConflict()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);
        var item = await client.NextItemAsync(Penguins);
        var decision = new
        {
            itemId = item.GetProperty("itemId").GetInt64(),
            leaseId = item.GetProperty("leaseId").GetInt64(),
            @class = "Adelie",
        };
        await (await client.PostJsonAsync($"/api/v1/projects/{Penguins}/labels", decision))
            .JsonAsync(HttpStatusCode.Created);

        var again = await client.PostJsonAsync(
            $"/api/v1/projects/{Penguins}/labels", decision with { @class = "Gentoo" });

        var problem = await again.ProblemAsync(HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("already labeled", detail);
        Assert.DoesNotContain("here is your next one", detail);
        Assert.Contains($"/api/v1/projects/{Penguins}/next", detail);
    }

    [Fact]
    public async Task AReadOnlyTokenCannotTakeALease()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator, ApiTokenScope.Read);

        var response = await client.PostAsync($"/api/v1/projects/{Penguins}/next", null);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }
}
