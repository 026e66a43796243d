namespace LabelStudio.Core.Data.Entities;

/// <summary>What a personal access token may do on top of its user's rights.</summary>
public enum ApiTokenScope
{
    /// <summary>Only reads: GET requests.</summary>
    Read,

    /// <summary>Everything the user may do.</summary>
    ReadWrite,
}

/// <summary>
/// A personal access token for the REST API. Only the SHA-256 of the secret is kept; the secret is
/// shown to its user once, when the token is created.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Hex SHA-256 of the whole secret, looked up on every request.</summary>
    public required string SecretHash { get; set; }

    /// <summary>The secret's first characters, so the user can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public ApiTokenScope Scope { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
