using LabelStudio.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Web.Features.Health;

internal static class HealthEndpoints
{
    /// <summary>200 once the app is up and the database answers; 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (
            IDbContextFactory<AppDbContext> contexts, CancellationToken cancellationToken) =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return endpoints;
    }
}
