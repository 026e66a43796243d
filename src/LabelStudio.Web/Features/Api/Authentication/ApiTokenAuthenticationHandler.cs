using System.Diagnostics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using LabelStudio.Core.ApiTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace LabelStudio.Web.Features.Api.Authentication;

/// <summary>
/// Signs API requests in with <c>Authorization: Bearer lst_…</c>: the token's user, their roles, and
/// the token's scope. Failures answer 401 with a problem saying what was wrong with the token.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await AuthenticateTokenAsync();
        }
        finally
        {
            ApiServerTiming.Add(Context, "auth", started);
        }
    }

    private async Task<AuthenticateResult> AuthenticateTokenAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Send a personal access token as 'Authorization: Bearer lst_...'.");
        }

        var check = await tokens.CheckAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        if (!check.IsValid)
        {
            return AuthenticateResult.Fail(check.Problem switch
            {
                ApiTokenProblem.Revoked => "This token was revoked.",
                ApiTokenProblem.Expired => "This token has expired.",
                ApiTokenProblem.AccountDeactivated => "This token's account is deactivated.",
                ApiTokenProblem.AccountDeleted => "This token's account no longer exists.",
                _ => "This token is not known.",
            });
        }

        var token = check.Token!;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, token.UserId),
                new Claim(ClaimTypes.Name, check.UserName ?? token.UserId),
                new Claim(ApiClaims.TokenId, token.Id.ToString()),
                new Claim(ApiClaims.Scope, token.Scope.ToString()),
                .. (check.Roles ?? []).Select(role => new Claim(ClaimTypes.Role, role)),
            ],
            ApiClaims.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiClaims.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message ?? "A personal access token is required.";
        Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{detail}\"";
        await Results.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem("This token's user may not do this.", statusCode: StatusCodes.Status403Forbidden)
            .ExecuteAsync(Context);
}
