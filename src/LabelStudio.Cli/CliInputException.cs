namespace LabelStudio.Cli;

/// <summary>
/// A problem with what the user gave us (a file, a column, a value). The message is the whole
/// story: it is printed as one line and the command exits with <see cref="ExitCodes.BadInput"/>.
/// </summary>
public sealed class CliInputException(string message) : Exception(message);
