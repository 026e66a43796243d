using LabelStudio.Core;
using LabelStudio.Core.ApiTokens;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Benchmarks.Api;

/// <summary>
/// Accounts and tokens for the benchmark's clients, written into the server's database as the token
/// page would: the annotators need no password, only an account and a read-write token.
/// </summary>
internal static class BenchAccounts
{
    public static async Task<(string AdminToken, IReadOnlyList<string> AnnotatorTokens)> CreateAsync(
        string dataDirectory, int annotators)
    {
        await using var services = Services(dataDirectory);
        var tokens = services.GetRequiredService<ApiTokenService>();

        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        var admin = await db.Users.FirstAsync(u => u.Email == WebServerProcess.AdminEmail);
        var users = Enumerable.Range(0, annotators).Select(Annotator).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();

        var adminToken = (await tokens.CreateAsync(
            admin.Id, "benchmark", ApiTokenScope.ReadWrite, null, CancellationToken.None)).Secret;
        var annotatorTokens = new List<string>();
        foreach (var user in users)
        {
            annotatorTokens.Add((await tokens.CreateAsync(
                user.Id, "benchmark", ApiTokenScope.ReadWrite, null, CancellationToken.None)).Secret);
        }
        return (adminToken, annotatorTokens);
    }

    /// <summary>Makes the benchmark's annotators members of the project, as its lead would.</summary>
    public static async Task AddAnnotatorsAsync(string dataDirectory, int projectId, int annotators)
    {
        await using var services = Services(dataDirectory);
        var members = services.GetRequiredService<MemberService>();
        for (var index = 0; index < annotators; index++)
        {
            await members.AddAsync(projectId, Email(index), ProjectRole.Annotator, null, CancellationToken.None);
        }
    }

    private static ServiceProvider Services(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        return new ServiceCollection().AddLogging().AddLabelStudioCore(configuration).BuildServiceProvider();
    }

    private static string Email(int index) => $"annotator-{index}@labelstudio.test";

    private static AppUser Annotator(int index)
    {
        var email = Email(index);
        return new AppUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = $"Annotator {index}",
        };
    }
}
