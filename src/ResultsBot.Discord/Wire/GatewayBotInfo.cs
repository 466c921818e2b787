namespace ResultsBot.Discord.Wire;

/// <summary>GET gateway/bot: where to connect and how many session starts are left today.</summary>
public sealed record GatewayBotInfo(string? Url, GatewaySessionStartLimit? SessionStartLimit);
