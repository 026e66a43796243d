namespace LabelStudio.Core.Media;

/// <summary>One file cannot be imported; the message says why in words a user understands.</summary>
public sealed class MediaRejectedException(string reason) : Exception(reason);
