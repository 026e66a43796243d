namespace LabelStudio.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line or the input file is wrong; the message says what to fix.</summary>
    public const int BadInput = 2;

    /// <summary>The server is down, unreachable, or failed the export itself.</summary>
    public const int ServerFailed = 3;
}
