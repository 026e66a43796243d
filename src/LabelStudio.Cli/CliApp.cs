using System.CommandLine;
using System.CommandLine.Invocation;
using LabelStudio.Cli.Data;
using LabelStudio.Cli.Simulate;

namespace LabelStudio.Cli;

/// <summary>The whole command line, runnable in-process with any pair of writers (tests use StringWriters).</summary>
public static class CliApp
{
    public const string Name = "labelstudio";

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var root = new RootCommand("LabelStudio from the command line.")
        {
            SimulateCommand.Create(),
            ImportCommand.Create(),
            ExportCommand.Create(),
        };
        var parsed = root.Parse(args);

        // The library's own error path prints the full help after the errors and exits with 1;
        // we promise one line and exit code 2 for every kind of bad input.
        if (parsed.Action is ParseErrorAction)
        {
            var problems = string.Join(" ", parsed.Errors.Select(e => e.Message));
            await error.WriteLineAsync($"{Name}: {problems} (see '{HelpCommand(parsed)}')");
            return ExitCodes.BadInput;
        }

        var console = new InvocationConfiguration { Output = output, Error = error };
        return await parsed.InvokeAsync(console, ct);
    }

    private static string HelpCommand(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        return command is RootCommand ? $"{Name} --help" : $"{Name} {command.Name} --help";
    }
}
