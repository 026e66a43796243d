namespace LabelStudio.Cli.Tests;

/// <summary>One in-process run of the command line: its exit code and everything it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static string Penguins { get; } = Path.Combine(AppContext.BaseDirectory, "samples", "penguins.csv");

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(args, output, error);

        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
