using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.ApiTokens;

public enum ApiTokenProblem
{
    None,
    Unknown,
    Revoked,
    Expired,

    /// <summary>An admin deactivated the token's account.</summary>
    AccountDeactivated,

    /// <summary>The token's account no longer exists.</summary>
    AccountDeleted,
}

/// <summary>
/// The outcome of presenting a secret: the token when it may be used, with its user's name and
/// roles, else why not.
/// </summary>
public sealed record ApiTokenCheck(
    ApiToken? Token, ApiTokenProblem Problem, string? UserName = null, IReadOnlyList<string>? Roles = null)
{
    public bool IsValid => Problem == ApiTokenProblem.None;
}
