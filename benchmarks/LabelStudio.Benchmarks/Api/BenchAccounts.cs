using LabelStudio.Core;
using LabelStudio.Core.ApiTokens;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
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
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddLabelStudioCore(configuration)
            .BuildServiceProvider();
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

    private static AppUser Annotator(int index)
    {
        var email = $"annotator-{index}@labelstudio.test";
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
