namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>Waits for background work that the test cannot await directly, with a hard limit.</summary>
internal static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan limit, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Gave up after {limit.TotalSeconds:F0} s waiting for {what}.");
    }
}
