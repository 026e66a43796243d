using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Where an API request spent its time on the server, sent back as a <c>Server-Timing</c> header
/// (<c>auth;dur=0.4, gate;dur=0.3, lease;dur=1.2, app;dur=2.1</c>): token check, membership check,
/// the labeling service's call, and the whole request up to its first byte. A client (the `api`
/// benchmark, a browser's network panel) can tell the server's share of a slow round trip from the
/// network's and its own.
/// </summary>
internal sealed class ApiServerTiming
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<(string Name, double Milliseconds)> _stages = new(4);

    public static void Use(WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(ApiSetup.Prefix), api => api.Use(TimeAsync));

    /// <summary>Records a stage: the time since <paramref name="startedAt"/>, a Stopwatch timestamp.</summary>
    public static void Add(HttpContext http, string stage, long startedAt)
    {
        if (http.Features.Get<ApiServerTiming>() is { } timing)
        {
            timing._stages.Add((stage, Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds));
        }
    }

    private static Task TimeAsync(HttpContext http, RequestDelegate next)
    {
        var timing = new ApiServerTiming();
        http.Features.Set(timing);
        http.Response.OnStarting(() =>
        {
            http.Response.Headers["Server-Timing"] = timing.Header();
            return Task.CompletedTask;
        });
        return next(http);
    }

    private string Header()
    {
        var header = new StringBuilder();
        foreach (var (name, milliseconds) in _stages)
        {
            header.Append(CultureInfo.InvariantCulture, $"{name};dur={milliseconds:0.###}, ");
        }
        var app = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        return header.Append(CultureInfo.InvariantCulture, $"app;dur={app:0.###}").ToString();
    }
}
