namespace ResultsBot.Discord.Wire;

/// <summary>A thread's state: archived threads drop out of the server's active list.</summary>
public sealed record DiscordThreadMetadata(bool Archived, bool? Locked);
