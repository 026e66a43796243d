using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Teams;
using LabelStudio.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Hosting;

/// <summary>
/// One account per app role, each once as a member of the demo project (in the matching project role)
/// and once outside it: the people of the authorization matrix.
/// </summary>
public static class TeamUsers
{
    public const int DemoProjectId = 1;
    public const string Password = "a team member's password";

    public sealed record Person(string Role, bool Member)
    {
        public string Email => $"{Role.ToLowerInvariant()}-{(Member ? "member" : "outsider")}@labelstudio.test";

        /// <summary>An admin member leads; everyone else joins in the role that matches their account.</summary>
        public ProjectRole? ProjectRole => !Member ? null : Role switch
        {
            Roles.Annotator => Core.Data.Entities.ProjectRole.Annotator,
            Roles.DataScientist => Core.Data.Entities.ProjectRole.DataScientist,
            _ => Core.Data.Entities.ProjectRole.Lead,
        };

        public override string ToString() => Email;
    }

    public static IReadOnlyList<Person> Everyone { get; } =
        [.. Roles.All.SelectMany(role => new[] { new Person(role, true), new Person(role, false) })];

    private static readonly SemaphoreSlim Creating = new(1, 1);

    /// <summary>Creates the accounts and memberships once per app; later calls find them.</summary>
    public static async Task EnsureAsync(AppFactory app)
    {
        await Creating.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var members = scope.ServiceProvider.GetRequiredService<MemberService>();
            foreach (var person in Everyone)
            {
                if (await users.FindByEmailAsync(person.Email) is not null)
                {
                    continue;
                }
                var user = new AppUser { UserName = person.Email, Email = person.Email, DisplayName = person.Role };
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRoleAsync(user, person.Role));
                if (person.ProjectRole is { } role)
                {
                    await members.AddAsync(DemoProjectId, person.Email, role, null, CancellationToken.None);
                }
            }
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>A client with the person's session cookie, redirects shown rather than followed.</summary>
    public static async Task<HttpClient> ClientForAsync(AppFactory app, Person person)
    {
        var client = app.CreateBrowserlessClient();
        using var login = await LoginForm.PostAsync(client, person.Email, Password);
        if (login.Headers.Location?.OriginalString.Contains("login", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"{person.Email} could not log in: {(int)login.StatusCode}.");
        }
        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
