using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.ApiTokens;

/// <summary>Creates, lists, revokes and checks personal access tokens.</summary>
public sealed class ApiTokenService(IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, TimeProvider clock)
{
    /// <summary>Last use is recorded at most this often, so API traffic does not write on every request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public const int MaxNameLength = 100;

    /// <summary>Stores a new token and returns it with its secret, which is never available again.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(
        string userId, string name, ApiTokenScope scope, DateTimeOffset? expiresAt,
        CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A token needs a name of 1 to {MaxNameLength} characters.", nameof(name));
        }

        var secret = ApiTokenSecrets.NewSecret();
        var token = new ApiToken
        {
            UserId = userId,
            Name = trimmed,
            SecretHash = ApiTokenSecrets.Hash(secret),
            Prefix = ApiTokenSecrets.PrefixOf(secret),
            Scope = scope,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return (token, secret);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the user's own tokens; false when they have no such live token.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterAsync(cancellationToken);
        var revoked = await db.ApiTokens
            .Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        return revoked == 1;
    }

    /// <summary>Looks a presented secret up and, when it is good, notes its use.</summary>
    public async Task<ApiTokenCheck> CheckAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiTokenSecrets.Hash(secret);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        var problem = token switch
        {
            null => ApiTokenProblem.Unknown,
            { RevokedAt: not null } => ApiTokenProblem.Revoked,
            { ExpiresAt: { } expiresAt } when expiresAt <= now => ApiTokenProblem.Expired,
            _ => ApiTokenProblem.None,
        };
        if (problem == ApiTokenProblem.None && (token!.LastUsedAt is not { } used || now - used >= LastUseResolution))
        {
            using var turn = await writeGate.EnterAsync(cancellationToken);
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), cancellationToken);
            token.LastUsedAt = now;
        }
        return new ApiTokenCheck(problem == ApiTokenProblem.None ? token : null, problem);
    }
}
