namespace ResultsBot.Discord.Wire;

/// <summary>A user as Discord sends it; the bot reads only the id and name.</summary>
public sealed record DiscordUser(string? Id, string? Username = null);
