using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using LabelStudio.Cli;
using LabelStudio.Core.Export;
using LabelStudio.Web.Tests.Api;
using LabelStudio.Web.Tests.Hosting;

namespace LabelStudio.Web.Tests.Cli;

/// <summary>
/// `labelstudio export --server` against the real app listening on a loopback port: the CLI's own
/// HTTP code, a real token, the real export worker.
/// </summary>
public sealed class CliServerExportTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _work = new();
    private AppFactory _app = null!;
    private string _server = "";
    private string _dataScientistToken = "";

    public async Task InitializeAsync()
    {
        _app = new AppFactory(_data.Path, AppFixture.AdminPassword, seedDemo: true);
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _server = _app.ClientOptions.BaseAddress.ToString();

        var scientist = await ApiFixture.UserAsync(_app, ApiFixture.DataScientist);
        await ApiFixture.JoinAsync(
            _app, ApiFixture.DemoProjectId, scientist, ApiFixture.ProjectRoleFor(ApiFixture.DataScientist));
        _dataScientistToken = (await ApiFixture.TokenAsync(_app, scientist)).Secret;
        await LabelSomePenguinsAsync(5);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Dispose();
        _work.Dispose();
    }

    [Fact]
    public async Task AChildProcessExportsParquetByProjectNameWithTheTokenFromTheEnvironment()
    {
        var output = Path.Combine(_work.Path, "penguins.zip");

        var run = await RunProcessAsync(
            new Dictionary<string, string> { ["LABELSTUDIO_TOKEN"] = _dataScientistToken },
            "export", "--server", _server, "--project", "penguins", "--format", "parquet", "--predictions",
            "--output", output);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain(_dataScientistToken, run.Error + run.Output);
        Assert.Matches(@"export \d+: 100%", run.Error);
        Assert.Contains("penguins.zip: 5 rows", run.Output);
        using var zip = ZipFile.OpenRead(output);
        Assert.Equal(
            ["classes.json", "labels.parquet", "manifest.json"], zip.Entries.Select(e => e.FullName).Order());
        var manifest = ExportManifest.Parse(zip.GetEntry("manifest.json")!.Open());
        Assert.Equal((ExportFormat.Parquet, true, 5L), (manifest.Options.Format, manifest.Options.IncludePredictions,
            manifest.Counts.Rows));
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task AWrongTokenExitsTwoSayingTheServerRefusedIt()
    {
        var run = await RunAsync("--token", "lst_not-a-real-token", "--project", "1");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("labelstudio: the server refused the token: This token is not known.", run.Error.Trim());
        Assert.False(File.Exists(Path.Combine(_work.Path, "out.zip")));
    }

    [Fact]
    public async Task AProjectTheUserIsNotAMemberOfExitsTwoWithoutRevealingIt()
    {
        var outsider = await ApiFixture.UserAsync(_app, ApiFixture.DataScientist);
        var (_, secret) = await ApiFixture.TokenAsync(_app, outsider);

        var byId = await RunAsync("--token", secret, "--project", "1");
        var byName = await RunAsync("--token", secret, "--project", "Penguins");

        Assert.Equal(ExitCodes.BadInput, byId.ExitCode);
        Assert.Equal("labelstudio: There is no project 1 you may see.", byId.Error.Trim());
        Assert.Equal(ExitCodes.BadInput, byName.ExitCode);
        Assert.Contains("no project named 'Penguins' that this token's user may see", byName.Error);
    }

    [Fact]
    public async Task AServerThatIsDownExitsThreeNamingTheAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var down = $"http://127.0.0.1:{port}/";

        var run = await RunAsync("--token", _dataScientistToken, "--project", "1", "--server", down);

        Assert.Equal(ExitCodes.ServerFailed, run.ExitCode);
        Assert.StartsWith($"labelstudio: cannot reach the server at {down}:", run.Error.Trim());
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task NoTokenAnywhereIsAnInputErrorNamingTheVariable()
    {
        var run = await RunProcessAsync(
            new Dictionary<string, string> { ["LABELSTUDIO_TOKEN"] = "" },
            "export", "--server", _server, "--project", "1", "--output", Path.Combine(_work.Path, "x.zip"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("set LABELSTUDIO_TOKEN", run.Error);
    }

    /// <summary>The CLI in this process, its HTTP going to the listening server (or <c>--server</c> given).</summary>
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        List<string> all = ["export", "--output", Path.Combine(_work.Path, "out.zip"), .. args];
        if (!all.Contains("--server"))
        {
            all.AddRange(["--server", _server]);
        }
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(all, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The built CLI as its own process, as a user would start it.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(
        IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "labelstudio.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private async Task LabelSomePenguinsAsync(int count)
    {
        var lead = await ApiFixture.UserAsync(_app, ApiFixture.Lead);
        await ApiFixture.JoinAsync(_app, ApiFixture.DemoProjectId, lead, ApiFixture.ProjectRoleFor(ApiFixture.Lead));
        using var client = new HttpClient { BaseAddress = new Uri(_server) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await ApiFixture.TokenAsync(_app, lead)).Secret);
        for (var i = 0; i < count; i++)
        {
            var item = await client.NextItemAsync(ApiFixture.DemoProjectId);
            var decision = new
            {
                itemId = item.GetProperty("itemId").GetInt64(),
                leaseId = item.GetProperty("leaseId").GetInt64(),
                @class = item.GetProperty("classes")[i % 2].GetString(),
            };
            await (await client.PostJsonAsync($"/api/v1/projects/{ApiFixture.DemoProjectId}/labels", decision))
                .JsonAsync(HttpStatusCode.Created);
        }
    }
}
