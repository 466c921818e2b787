namespace ResultsBot.Discord.Wire;

/// <summary>GET gateway/bot: where to connect, how many shards Discord recommends, and how many session starts are left today.</summary>
public sealed record GatewayBotInfo(string? Url, GatewaySessionStartLimit? SessionStartLimit, int? Shards = null);
