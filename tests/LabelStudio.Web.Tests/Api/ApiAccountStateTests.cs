using System.Diagnostics;
using System.Net;
using LabelStudio.Core.ApiTokens;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Api;

/// <summary>A token speaks for its account as the account is now: deactivated, deleted or demoted.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiAccountStateTests(ApiFixture fixture)
{
    [Fact]
    public async Task DeactivatingTheUserStopsTheirTokenAtOnceOnEveryCall()
    {
        var user = await fixture.UserAsync(ApiFixture.Lead);
        await fixture.JoinAsync(ApiFixture.DemoProjectId, user, ProjectRole.Lead);
        var (_, secret) = await fixture.TokenAsync(user);
        using var client = fixture.ClientWith(secret);
        await (await client.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdminService>()
                .SetActiveAsync(user.Id, active: false, actingUserId: "an admin");
        }

        foreach (var path in new[] { "/api/v1/projects", "/api/v1/projects/1", "/api/v1/projects/1/models" })
        {
            var problem = await (await client.GetAsync(path)).ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("This token's account is deactivated.", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task ADeactivationWrittenByAnotherProcessTakesEffectWithinTheCheckCacheWindow()
    {
        var user = await fixture.UserAsync(ApiFixture.Annotator);
        var (_, secret) = await fixture.TokenAsync(user);
        using var client = fixture.ClientWith(secret);
        await (await client.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.DeactivatedAt, DateTimeOffset.UtcNow));
        }

        var (status, elapsed) = await PollUntilRefusedAsync(client);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(elapsed <= ApiTokenService.CheckCacheFor + TimeSpan.FromSeconds(2), $"{elapsed}");
    }

    [Fact]
    public async Task ADeletedUsersTokenIsRefusedWithinTheCheckCacheWindow()
    {
        var user = await fixture.UserAsync(ApiFixture.Annotator);
        var (_, secret) = await fixture.TokenAsync(user);
        using var client = fixture.ClientWith(secret);
        await (await client.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);
        }

        var (status, elapsed) = await PollUntilRefusedAsync(client);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(elapsed <= ApiTokenService.CheckCacheFor + TimeSpan.FromSeconds(2), $"{elapsed}");
    }

    [Fact]
    public async Task ATokenCarriesItsUsersRoleAsItIsNowWithinTheCheckCacheWindow()
    {
        var user = await fixture.UserAsync(Roles.Admin);
        var (_, secret) = await fixture.TokenAsync(user);
        using var client = fixture.ClientWith(secret);
        await (await client.GetAsync("/api/v1/projects/1")).JsonAsync(HttpStatusCode.OK);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByIdAsync(user.Id))!, Roles.Admin))
                .Succeeded);
        }

        var demotedAt = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await client.GetAsync("/api/v1/projects/1");
            status = response.StatusCode;
            await Task.Delay(100);
        }
        while (status == HttpStatusCode.OK && demotedAt.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.True(
            demotedAt.Elapsed <= ApiTokenService.CheckCacheFor + TimeSpan.FromSeconds(2), $"{demotedAt.Elapsed}");
    }

    private IDbContextFactory<AppDbContext> Contexts =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)> PollUntilRefusedAsync(HttpClient client)
    {
        var since = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await client.GetAsync("/api/v1/projects");
            status = response.StatusCode;
            await Task.Delay(100);
        }
        while (status == HttpStatusCode.OK && since.Elapsed < TimeSpan.FromSeconds(30));
        return (status, since.Elapsed);
    }
}
