using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LabelStudio.Benchmarks.App;

namespace LabelStudio.Benchmarks.Api;

/// <summary>
/// `api`: clients labeling through the REST API of the real web app, over HTTP on 127.0.0.1, against a
/// real SQLite file, while the server retrains after every round as in use. Each client asks for its
/// next item, reads it for the think time, and posts the label. Target: next item + label p95 under 30 ms.
/// </summary>
internal static class ApiBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var rows = args.Int("rows", 20_000);
        var numbers = args.Int("numbers", 8);
        var clients = args.Int("clients", 20);
        var warmLabels = args.Int("labels", 200);
        var seconds = args.Int("seconds", 20);
        var warmSeconds = args.Int("warm-seconds", 40);
        var think = TimeSpan.FromMilliseconds(args.Int("think-ms", 250));
        var webDll = args.Text("web") ?? DefaultWebDll();
        var roundSize = args.Int("round-size", 20);
        Console.WriteLine($"api: {rows:N0} rows × {numbers + 1} features, {clients} clients over HTTP, " +
            $"{warmLabels:N0} labels first, then {warmSeconds} s and {seconds} s of labeling, " +
            $"{think.TotalMilliseconds:0} ms between an item's arrival and its label; round size {roundSize}; " +
            $"load average {LoadAverage.Now()}");

        await using var server = await WebServerProcess.StartAsync(
            webDll, new Dictionary<string, string> { ["Api:PermitsPerMinute"] = "1000000" });
        var (adminToken, annotatorTokens) = await BenchAccounts.CreateAsync(server.DataDirectory, clients);
        using var admin = Client(server.Address, adminToken);
        var file = SyntheticTable.Write(rows, numbers, seed: 3);
        var oracle = Oracle(file);
        var projectId = await CreateProjectAsync(admin, file, roundSize);
        await BenchAccounts.AddAnnotatorsAsync(server.DataDirectory, projectId, clients);
        File.Delete(file);

        // 1. A first model, as after a few rounds of real work.
        var warm = new Timings();
        await LabelAsync(Client(server.Address, annotatorTokens[0]), projectId, oracle, TimeSpan.Zero, warm,
            labels: warmLabels, CancellationToken.None);

        // 2. Every client at once; the server retrains whenever a round completes. The first phase
        // runs while the runtime still recompiles its hot methods (tiered JIT): a fresh process's
        // figures, printed but kept apart from the steady state that follows.
        var fresh = await RunClientsAsync(server, projectId, annotatorTokens, oracle, think, warmSeconds);
        var models = await admin.GetFromJsonAsync<JsonElement>($"api/v1/projects/{projectId}/models");
        Print($"the first {warmSeconds} s, soon after the server started", fresh, clients, models.GetArrayLength());

        var steady = await RunClientsAsync(server, projectId, annotatorTokens, oracle, think, seconds);
        var before = models.GetArrayLength();
        models = await admin.GetFromJsonAsync<JsonElement>($"api/v1/projects/{projectId}/models");
        Print($"steady state, the next {seconds} s", steady, clients, models.GetArrayLength() - before);
        return 0;
    }

    private static async Task<(Timings Timings, TimeSpan Cpu)> RunClientsAsync(
        WebServerProcess server, int projectId, IReadOnlyList<string> tokens,
        IReadOnlyDictionary<string, string> oracle, TimeSpan think, int seconds)
    {
        var timings = new Timings();
        var cpuBefore = server.CpuTime;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await Task.WhenAll(tokens.Select(token => Task.Run(() => LabelAsync(
            Client(server.Address, token), projectId, oracle, think, timings, int.MaxValue, stop.Token))));
        return (timings, server.CpuTime - cpuBefore);
    }

    private static void Print(string phase, (Timings Timings, TimeSpan Cpu) run, int clients, int models)
    {
        var (timings, cpu) = run;
        Console.WriteLine($"-- {phase}: {timings.RoundTrip.Count:N0} items labeled by {clients} clients; " +
            $"{models} model versions trained");
        Console.WriteLine(timings.Next.Describe());
        Console.WriteLine(timings.Label.Describe());
        Console.WriteLine(timings.RoundTrip.Describe());
        foreach (var stage in timings.Server)
        {
            Console.WriteLine(stage.Describe());
        }
        Console.WriteLine($"server CPU {cpu.TotalSeconds:0.00} s for {timings.RoundTrip.Count:N0} round trips: " +
            $"{cpu.TotalMilliseconds / Math.Max(1, timings.RoundTrip.Count):0.00} ms per round trip " +
            "(training included when rounds complete); " +
            $"load average {LoadAverage.Now()}");
    }

    private static async Task LabelAsync(
        HttpClient client, int projectId, IReadOnlyDictionary<string, string> oracle, TimeSpan think,
        Timings timings, int labels, CancellationToken stop)
    {
        using (client)
        {
            for (var done = 0; done < labels && !stop.IsCancellationRequested; done++)
            {
                var clock = Stopwatch.StartNew();
                using var next = await client.PostAsync($"api/v1/projects/{projectId}/next", null);
                if (next.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
                var item = await Success(next).Content.ReadFromJsonAsync<JsonElement>();
                var nextMs = clock.Elapsed.TotalMilliseconds;
                timings.AddServer("next", next);

                // A person reads the item before pressing a key; see the serve benchmark.
                await Task.Delay(think, CancellationToken.None);
                clock.Restart();
                var decision = new
                {
                    itemId = item.GetProperty("itemId").GetInt64(),
                    leaseId = item.GetProperty("leaseId").GetInt64(),
                    @class = oracle[item.GetProperty("externalId").GetString()!],
                    secondsSpent = think.TotalSeconds,
                };
                using var label = await client.PostAsJsonAsync($"api/v1/projects/{projectId}/labels", decision);
                Success(label);
                timings.Add(nextMs, clock.Elapsed.TotalMilliseconds);
                timings.AddServer("label", label);
            }
        }
    }

    private static async Task<int> CreateProjectAsync(HttpClient admin, string file, int roundSize)
    {
        var created = await Success(await admin.PostAsJsonAsync("api/v1/projects", new
        {
            name = "api benchmark",
            classes = SyntheticTable.Classes,
            roundSize,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var projectId = created.GetProperty("id").GetInt32();

        await using var body = File.OpenRead(file);
        var started = Success(await admin.PostAsync(
            $"api/v1/projects/{projectId}/imports?fileName=bench.csv&idColumn=id&labelColumn=label&labelMode=hidden",
            new StreamContent(body)));
        var job = await started.Content.ReadFromJsonAsync<JsonElement>();
        while (job.GetProperty("status").GetString() is "queued" or "running")
        {
            await Task.Delay(200);
            job = await admin.GetFromJsonAsync<JsonElement>(started.Headers.Location);
        }
        if (job.GetProperty("status").GetString() != "succeeded")
        {
            throw new InvalidOperationException($"The import failed: {job.GetProperty("message").GetString()}");
        }
        return projectId;
    }

    /// <summary>Each row's hidden class by its id, read back from the generated file.</summary>
    private static Dictionary<string, string> Oracle(string file) => File.ReadLines(file).Skip(1)
        .Select(line => line.Split(','))
        .ToDictionary(cells => cells[0], cells => cells[^1]);

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static HttpResponseMessage Success(HttpResponseMessage response) => response.IsSuccessStatusCode
        ? response
        : throw new InvalidOperationException(
            $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} " +
            response.Content.ReadAsStringAsync().GetAwaiter().GetResult());

    /// <summary>The built web app beside this benchmark's own build, found from the repository top.</summary>
    private static string DefaultWebDll()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LabelStudio.sln")))
        {
            folder = folder.Parent;
        }
        var dll = folder is null ? null : Path.Combine(
            folder.FullName, "src", "LabelStudio.Web", "bin", "Release", "net10.0", "LabelStudio.Web.dll");
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException("Build the web app first " +
                "(dotnet build -c Release LabelStudio.sln) or pass --web PATH/LabelStudio.Web.dll.");
    }

    private sealed class Timings
    {
        public Latencies Next { get; } = new("API next item");
        public Latencies Label { get; } = new("API label");
        public Latencies RoundTrip { get; } = new("API next item + label");

        /// <summary>Each call's stages from the server's Server-Timing header (auth, gate, app).</summary>
        public ConcurrentDictionary<string, Latencies> ServerStages { get; } = new();

        public IEnumerable<Latencies> Server => ServerStages.OrderBy(s => s.Key).Select(s => s.Value);

        public void Add(double nextMs, double labelMs)
        {
            Next.Record(nextMs);
            Label.Record(labelMs);
            RoundTrip.Record(nextMs + labelMs);
        }

        public void AddServer(string call, HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Server-Timing", out var values))
            {
                return;
            }
            foreach (var metric in values.SelectMany(v => v.Split(',')))
            {
                var parts = metric.Trim().Split(";dur=");
                if (parts.Length == 2 && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var ms))
                {
                    var name = $"server {call} {parts[0]}";
                    ServerStages.GetOrAdd(name, n => new Latencies(n)).Record(ms);
                }
            }
        }
    }
}
