namespace ResultsBot.Application.Storage;

/// <summary>
/// The folder the store keeps its database in, for what the bot keeps beside it (the console's pictures).
/// Null for a store with no folder of its own (in memory, or a database server).
/// </summary>
public sealed record StoreLocation(string? Folder);
