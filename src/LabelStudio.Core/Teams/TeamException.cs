namespace LabelStudio.Core.Teams;

/// <summary>A membership or account change that cannot be made, with a message for the person who asked.</summary>
public sealed class TeamException(string message) : Exception(message);
