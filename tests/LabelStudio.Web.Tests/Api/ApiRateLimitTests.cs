using System.Net;
using System.Net.Http.Headers;
using LabelStudio.Core.ApiTokens;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Api;

public sealed class ApiRateLimitTests : IAsyncLifetime
{
    private const int PermitsPerMinute = 3;
    private readonly TempDirectory _data = new();
    private readonly AppFactory _app;

    public ApiRateLimitTests() => _app = new AppFactory(
        _data.Path, AppFixture.AdminPassword, seedDemo: false,
        new Dictionary<string, string> { ["Api:PermitsPerMinute"] = PermitsPerMinute.ToString() });

    [Fact]
    public async Task ATokenOverItsBudgetGetsTooManyRequestsWhileAnotherTokenIsServed()
    {
        using var busy = await ClientAsync();
        using var other = await ClientAsync();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < PermitsPerMinute + 2; i++)
        {
            answers.Add(await busy.GetAsync("/api/v1/projects"));
        }
        var otherAnswer = await other.GetAsync("/api/v1/projects");

        Assert.All(answers.Take(PermitsPerMinute), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var refused = answers.Last();
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains($"{PermitsPerMinute} requests a minute", problem.GetProperty("detail").GetString());
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
    }

    private async Task<HttpClient> ClientAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"script-{Guid.NewGuid():N}@labelstudio.test";
        var user = new AppUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, "a long test passphrase")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.DataScientist)).Succeeded);
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync(user.Id, "script", ApiTokenScope.Read, null, CancellationToken.None);

        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
    }
}
