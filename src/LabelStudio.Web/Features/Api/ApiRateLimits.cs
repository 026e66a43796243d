using System.Threading.RateLimiting;
using LabelStudio.Web.Features.Api.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace LabelStudio.Web.Features.Api;

/// <summary>One token bucket per token: a burst of a minute's permits, refilled evenly over the minute.</summary>
internal static class ApiRateLimits
{
    public const string PerToken = "api-per-token";

    public static void AddPerTokenPolicy(RateLimiterOptions limiter, ApiOptions options)
    {
        var permits = Math.Max(1, options.PermitsPerMinute);
        limiter.AddPolicy(PerToken, http => RateLimitPartition.GetTokenBucketLimiter(
            http.User.FindFirst(ApiClaims.TokenId)?.Value ?? "",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / permits,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? retryAfter
                : TimeSpan.FromMinutes(1) / permits;
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString();
            await Results.Problem(
                    $"This token may make {permits} requests a minute; try again in {seconds} s.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests")
                .ExecuteAsync(context.HttpContext);
        };
    }
}
