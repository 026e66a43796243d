using System.Globalization;
using System.Text.Json;
using LabelStudio.Core.Export;

namespace LabelStudio.Cli.Remote;

/// <summary>
/// `export --server`: asks a running LabelStudio for an export through the REST API, shows the
/// job's progress, and downloads the package when it is ready.
/// </summary>
internal sealed class ServerExport(ApiClient api, TextWriter output, TextWriter progress, TimeSpan pollInterval)
{
    public async Task RunAsync(string projectReference, ExportOptions options, string file, CancellationToken ct)
    {
        var projectId = await FindProjectAsync(projectReference, ct);
        var job = await api.PostJsonAsync($"/api/v1/projects/{projectId}/exports", options.ToJson(), ct);
        var jobId = job.GetProperty("id").GetInt32();
        var path = $"/api/v1/projects/{projectId}/exports/{jobId}";

        string? shown = null;
        while (true)
        {
            var status = job.GetProperty("status").GetString();
            var percent = job.GetProperty("progress").GetDouble() * 100;
            var line = string.Create(
                CultureInfo.InvariantCulture, $"export {jobId}: {percent:0}% {job.GetProperty("message").GetString()}");
            if (line != shown)
            {
                await progress.WriteLineAsync(line);
                shown = line;
            }
            if (status == "succeeded")
            {
                break;
            }
            if (status is "failed" or "expired")
            {
                throw new CliServerException($"export {jobId} {status}: {job.GetProperty("message").GetString()}");
            }
            await Task.Delay(pollInterval, ct);
            job = await api.GetJsonAsync(path, ct);
        }

        await api.DownloadAsync(job.GetProperty("download").GetString()!, file, ct);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{file}: {job.GetProperty("rowCount").GetInt64():N0} rows, " +
            $"{new FileInfo(file).Length:N0} bytes (export {jobId})"));
    }

    /// <summary>A project id as given, or the id of the one project the user may see by that name.</summary>
    private async Task<int> FindProjectAsync(string reference, CancellationToken ct)
    {
        if (int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }
        var projects = await api.GetJsonAsync("/api/v1/projects", ct);
        var matches = projects.EnumerateArray()
            .Where(p => string.Equals(p.GetProperty("name").GetString(), reference, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.GetProperty("id").GetInt32())
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliInputException(
                $"--project: there is no project named '{reference}' that this token's user may see."),
            _ => throw new CliInputException(
                $"--project: {matches.Count} projects are named '{reference}'; give the id instead."),
        };
    }
}
