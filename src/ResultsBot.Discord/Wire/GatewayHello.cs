namespace ResultsBot.Discord.Wire;

/// <summary>HELLO's data: how often to heartbeat, in milliseconds.</summary>
public sealed record GatewayHello(double? HeartbeatInterval);
