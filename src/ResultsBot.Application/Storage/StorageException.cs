namespace ResultsBot.Application.Storage;

/// <summary>The store could not be opened or written; the message says which setting or condition.</summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);
