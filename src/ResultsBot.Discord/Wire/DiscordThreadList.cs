namespace ResultsBot.Discord.Wire;

/// <summary>GET /guilds/{id}/threads/active or a channel's archived threads: the threads (members are not read).</summary>
public sealed record DiscordThreadList(List<DiscordChannel>? Threads);
