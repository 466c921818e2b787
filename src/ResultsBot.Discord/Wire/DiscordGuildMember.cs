namespace ResultsBot.Discord.Wire;

/// <summary>A server member: the user and their permissions in the interaction's channel (a bit set string).</summary>
public sealed record DiscordGuildMember(DiscordUser? User, string? Permissions);
