using System.Collections.Concurrent;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.ApiTokens;

/// <summary>
/// Creates, lists, revokes and checks personal access tokens. A good token's check (with its user's
/// name and roles) is remembered for <see cref="CheckCacheFor"/>, so a client's burst of calls costs
/// one lookup rather than three reads each. The check reads the account with the token, so a deactivated
/// or deleted account's token is refused. A revocation or deactivation here forgets remembered checks at
/// once (<see cref="ForgetUser"/>); one made by another process is seen when the remembered check runs out.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<AppDbContext> contexts, WriteGate writeGate, TimeProvider clock)
{
    /// <summary>Last use is recorded at most this often, so API traffic does not write on every request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>How long a good check is trusted without asking the database again.</summary>
    public static readonly TimeSpan CheckCacheFor = TimeSpan.FromSeconds(5);

    private const int MaxCachedChecks = 10_000;

    private readonly ConcurrentDictionary<string, CachedCheck> _checks = new(StringComparer.Ordinal);

    // Bumped by every revocation, so a check that read the token before it was revoked is not remembered.
    private long _revocations;

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
        Forget(token => token.Id == tokenId);
        return revoked == 1;
    }

    /// <summary>
    /// Forgets every remembered check of the user's tokens, so a change to the account (deactivated,
    /// roles changed) applies to their next call.
    /// </summary>
    public void ForgetUser(string userId) => Forget(token => token.UserId == userId);

    private void Forget(Func<ApiToken, bool> matches)
    {
        Interlocked.Increment(ref _revocations);
        foreach (var (hash, cached) in _checks)
        {
            if (matches(cached.Check.Token!))
            {
                _checks.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>Looks a presented secret up and, when it is good, notes its use.</summary>
    public async Task<ApiTokenCheck> CheckAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiTokenSecrets.Hash(secret);
        var revocations = Interlocked.Read(ref _revocations);
        if (_checks.TryGetValue(hash, out var cached) && cached.IsFresh(clock.GetUtcNow()))
        {
            return cached.Check;
        }

        var check = await LookUpAsync(hash, cancellationToken);
        if (!check.IsValid)
        {
            _checks.TryRemove(hash, out _);
            return check;
        }
        if (_checks.Count >= MaxCachedChecks)
        {
            _checks.Clear();
        }
        if (Interlocked.Read(ref _revocations) == revocations)
        {
            _checks[hash] = new CachedCheck(check, clock.GetUtcNow() + CheckCacheFor);
        }
        return check;
    }

    private async Task<ApiTokenCheck> LookUpAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.SecretHash == hash)
            .Select(t => new
            {
                Token = t,
                Account = db.Users.Where(u => u.Id == t.UserId)
                    .Select(u => new { u.UserName, u.DeactivatedAt })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var token = found?.Token;
        var now = clock.GetUtcNow();
        var problem = token switch
        {
            null => ApiTokenProblem.Unknown,
            { RevokedAt: not null } => ApiTokenProblem.Revoked,
            { ExpiresAt: { } expiresAt } when expiresAt <= now => ApiTokenProblem.Expired,
            _ when found!.Account is null => ApiTokenProblem.AccountDeleted,
            _ when found!.Account.DeactivatedAt is not null => ApiTokenProblem.AccountDeactivated,
            _ => ApiTokenProblem.None,
        };
        if (problem == ApiTokenProblem.None && (token!.LastUsedAt is not { } used || now - used >= LastUseResolution))
        {
            using var turn = await writeGate.EnterAsync(cancellationToken);
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), cancellationToken);
            token.LastUsedAt = now;
        }
        if (problem != ApiTokenProblem.None)
        {
            return new ApiTokenCheck(null, problem);
        }

        var roles = await db.UserRoles.Where(r => r.UserId == token!.UserId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        return new ApiTokenCheck(token, problem, found!.Account!.UserName ?? token!.UserId, roles);
    }

    private sealed record CachedCheck(ApiTokenCheck Check, DateTimeOffset Until)
    {
        /// <summary>Still trusted, and the token has not expired since it was checked.</summary>
        public bool IsFresh(DateTimeOffset now) =>
            now < Until && (Check.Token!.ExpiresAt is not { } expiresAt || now < expiresAt);
    }
}
