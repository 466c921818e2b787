namespace ResultsBot.Application.Storage;

/// <summary>
/// A throwaway store of the configured kind, for the warm-up: it runs the real store's code (SQLite's statements)
/// without touching the bot's database. Registered by the store's adapter; without one, the warm-up uses memory.
/// </summary>
public delegate IResultsStore ScratchStore(TimeProvider time);
