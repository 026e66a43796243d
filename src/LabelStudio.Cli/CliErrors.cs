namespace LabelStudio.Cli;

/// <summary>
/// Turns a <see cref="CliInputException"/> into its one-line message and exit code 2, and a
/// <see cref="CliServerException"/> into its message and exit code 3.
/// </summary>
internal static class CliErrors
{
    public static async Task<int> RunAsync(TextWriter error, Func<Task> command)
    {
        try
        {
            await command();
            return ExitCodes.Success;
        }
        catch (CliInputException e)
        {
            await error.WriteLineAsync($"{CliApp.Name}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (CliServerException e)
        {
            await error.WriteLineAsync($"{CliApp.Name}: {e.Message}");
            return ExitCodes.ServerFailed;
        }
    }
}
