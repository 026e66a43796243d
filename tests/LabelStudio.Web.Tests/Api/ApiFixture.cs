using System.Net.Http.Headers;
using LabelStudio.Core.ApiTokens;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Teams;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Api;

/// <summary>
/// One started app (demo project seeded) shared by the API test classes, with helpers that make
/// users and tokens the way a user would get them: an Identity account, a token from the token service.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const int DemoProjectId = 1;

    private readonly TempDirectory _data = new();

    public ApiFixture() => App = new AppFactory(
        _data.Path, AppFixture.AdminPassword, seedDemo: true,
        new Dictionary<string, string> { ["Storage:MaxUploadBytes"] = "1048576" });

    public AppFactory App { get; }

    public Task InitializeAsync()
    {
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>
    /// A client that sends a fresh token of a new user with <paramref name="role"/>, a member of the demo
    /// project in the matching project role unless <paramref name="member"/> is false.
    /// </summary>
    public async Task<HttpClient> ClientAsync(
        string role, ApiTokenScope scope = ApiTokenScope.ReadWrite, DateTimeOffset? expiresAt = null,
        bool member = true)
    {
        var user = await UserAsync(role);
        if (member)
        {
            await JoinAsync(DemoProjectId, user, ProjectRoleFor(role));
        }
        var (_, secret) = await TokenAsync(user, scope, expiresAt);
        return ClientWith(secret);
    }

    public Task JoinAsync(int projectId, AppUser user, ProjectRole role) => JoinAsync(App, projectId, user, role);

    public static Task JoinAsync(AppFactory app, int projectId, AppUser user, ProjectRole role) =>
        app.Services.GetRequiredService<MemberService>()
            .AddAsync(projectId, user.Email!, role, null, CancellationToken.None);

    public static ProjectRole ProjectRoleFor(string role) => role switch
    {
        Roles.Annotator => ProjectRole.Annotator,
        Roles.DataScientist => ProjectRole.DataScientist,
        _ => ProjectRole.Lead,
    };

    public HttpClient ClientWith(string secret)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A new account with one role, as an admin would invite it.</summary>
    public Task<AppUser> UserAsync(string role) => UserAsync(App, role);

    public static async Task<AppUser> UserAsync(AppFactory app, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@labelstudio.test";
        var user = new AppUser { UserName = email, Email = email, DisplayName = role };
        Assert.True((await users.CreateAsync(user, "a long test passphrase")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public Task<(ApiToken Token, string Secret)> TokenAsync(
        AppUser user, ApiTokenScope scope = ApiTokenScope.ReadWrite, DateTimeOffset? expiresAt = null) =>
        Tokens.CreateAsync(user.Id, "tests", scope, expiresAt, CancellationToken.None);

    public static Task<(ApiToken Token, string Secret)> TokenAsync(AppFactory app, AppUser user) =>
        app.Services.GetRequiredService<ApiTokenService>()
            .CreateAsync(user.Id, "tests", ApiTokenScope.ReadWrite, null, CancellationToken.None);

    public ApiTokenService Tokens => App.Services.GetRequiredService<ApiTokenService>();

    public static string Lead => Roles.Lead;
    public static string Annotator => Roles.Annotator;
    public static string DataScientist => Roles.DataScientist;
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "API";
}
