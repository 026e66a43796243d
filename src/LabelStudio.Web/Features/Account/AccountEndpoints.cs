using LabelStudio.Core.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace LabelStudio.Web.Features.Account;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<AppUser> signInManager) =>
        {
            await signInManager.SignOutAsync();
            return Results.LocalRedirect("/login");
        });
        return endpoints;
    }
}
