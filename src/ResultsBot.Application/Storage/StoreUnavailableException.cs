namespace ResultsBot.Application.Storage;

/// <summary>
/// The store cannot be used just now (busy or locked, the disk full or read-only, a connection lost): worth
/// trying again, and the bot carries on by itself. The message says why in words for a person.
/// </summary>
public sealed class StoreUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);
