namespace ResultsBot.Discord.Wire;

/// <summary>An activity: type 3 is "Watching".</summary>
public sealed record GatewayActivity(string Name, int Type);
