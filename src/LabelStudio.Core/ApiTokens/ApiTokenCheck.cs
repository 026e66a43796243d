using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.ApiTokens;

public enum ApiTokenProblem
{
    None,
    Unknown,
    Revoked,
    Expired,
}

/// <summary>The outcome of presenting a secret: the token when it may be used, else why not.</summary>
public sealed record ApiTokenCheck(ApiToken? Token, ApiTokenProblem Problem)
{
    public bool IsValid => Problem == ApiTokenProblem.None;
}
