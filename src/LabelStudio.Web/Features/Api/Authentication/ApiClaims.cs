using System.Security.Claims;
using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Web.Features.Api.Authentication;

/// <summary>The claims a token adds to its user's identity.</summary>
public static class ApiClaims
{
    public const string Scheme = "ApiToken";
    public const string TokenId = "api_token";
    public const string Scope = "api_scope";

    public static bool CanWrite(ClaimsPrincipal user) => user.FindFirstValue(Scope) == nameof(ApiTokenScope.ReadWrite);

    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("An API request reached an endpoint without a token's user.");
}
