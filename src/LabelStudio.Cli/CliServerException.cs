namespace LabelStudio.Cli;

/// <summary>The server could not be reached or failed the request; the message says which and why.</summary>
internal sealed class CliServerException(string message) : Exception(message);
