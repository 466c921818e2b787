namespace ResultsBot.Discord.Wire;

/// <summary>A channel, of which the bot reads only the id.</summary>
public sealed record DiscordChannel(string? Id);
