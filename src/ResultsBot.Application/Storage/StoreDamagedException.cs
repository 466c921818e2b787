namespace ResultsBot.Application.Storage;

/// <summary>The store's data is damaged or not the bot's: carrying on would lose or invent results, so the bot stops.</summary>
public sealed class StoreDamagedException(string reason, Exception? inner = null) : Exception(reason, inner);
