namespace ResultsBot.Discord.Wire;

/// <summary>The connection's properties, as IDENTIFY asks.</summary>
public sealed record GatewayIdentifyProperties(string Os, string Browser, string Device);
