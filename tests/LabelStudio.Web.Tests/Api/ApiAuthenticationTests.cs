using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using LabelStudio.Core.ApiTokens;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiAuthenticationTests(ApiFixture fixture)
{
    [Fact]
    public async Task ARequestWithoutATokenIsUnauthorizedWithAProblemSayingHowToSendOne()
    {
        using var client = fixture.App.CreateClient();

        var problem = await (await client.GetAsync("/api/v1/projects")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownTokenIsUnauthorized()
    {
        using var client = fixture.ClientWith(ApiTokenSecrets.NewSecret());

        var response = await client.GetAsync("/api/v1/projects");
        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("This token is not known.", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task ARevokedTokenStopsWorkingAtOnce()
    {
        var user = await fixture.UserAsync(ApiFixture.Annotator);
        var (token, secret) = await fixture.TokenAsync(user);
        using var client = fixture.ClientWith(secret);
        await (await client.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);

        Assert.True(await fixture.Tokens.RevokeAsync(user.Id, token.Id, CancellationToken.None));
        var problem = await (await client.GetAsync("/api/v1/projects")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("This token was revoked.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARevocationWrittenByAnotherProcessTakesEffectWithinTheCheckCacheWindow()
    {
        var user = await fixture.UserAsync(ApiFixture.Annotator);
        var (token, secret) = await fixture.TokenAsync(user);
        using var client = fixture.ClientWith(secret);
        await (await client.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);

        // Another process (a second web instance, the CLI) revokes straight in the shared database.
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync())
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow));
        }
        var revokedAt = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await client.GetAsync("/api/v1/projects");
            status = response.StatusCode;
            await Task.Delay(100);
        }
        while (status == HttpStatusCode.OK && revokedAt.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.True(
            revokedAt.Elapsed <= ApiTokenService.CheckCacheFor + TimeSpan.FromSeconds(2), $"{revokedAt.Elapsed}");
    }

    [Fact]
    public async Task AnExpiredTokenIsUnauthorized()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead, expiresAt: DateTimeOffset.UtcNow.AddSeconds(-1));

        var problem = await (await client.GetAsync("/api/v1/projects")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("This token has expired.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AReadOnlyTokenMayReadButNotWrite()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead, ApiTokenScope.Read);

        var read = await client.GetAsync("/api/v1/projects/1/models");
        var write = await client.PostAsync("/api/v1/projects/1/retrain", null);

        await read.JsonAsync(HttpStatusCode.OK);
        var problem = await write.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("read-only", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheLoginCookieDoesNotAuthorizeTheApi()
    {
        using var browser = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(browser, AppFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/projects/1/export.csv")).StatusCode);

        var read = await browser.GetAsync("/api/v1/projects");
        var write = await browser.PostAsync("/api/v1/projects/1/retrain", null);

        await read.ProblemAsync(HttpStatusCode.Unauthorized);
        await write.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenIsNotAcceptedByThePages()
    {
        var (_, secret) = await fixture.TokenAsync(await fixture.UserAsync(ApiFixture.Lead));
        using var client = fixture.App.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var response = await client.GetAsync("/projects/1/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TheDatabaseKeepsOnlyTheSecretsHashAndTheTokenRecordsItsUse()
    {
        var user = await fixture.UserAsync(ApiFixture.Annotator);
        var (token, secret) = await fixture.TokenAsync(user, ApiTokenScope.Read);
        using var client = fixture.ClientWith(secret);

        await (await client.GetAsync("/api/v1/projects")).JsonAsync(HttpStatusCode.OK);

        var stored = Assert.Single(await fixture.Tokens.ListAsync(user.Id, CancellationToken.None));
        Assert.StartsWith(ApiTokenSecrets.Marker, secret);
        Assert.NotEqual(secret, stored.SecretHash);
        Assert.Equal(ApiTokenSecrets.Hash(secret), stored.SecretHash);
        Assert.True(secret.StartsWith(stored.Prefix) && stored.Prefix.Length < secret.Length / 2);
        Assert.NotNull(stored.LastUsedAt);
        Assert.Equal(token.Id, stored.Id);
    }
}
