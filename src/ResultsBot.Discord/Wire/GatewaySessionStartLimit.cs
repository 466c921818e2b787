namespace ResultsBot.Discord.Wire;

/// <summary>The day's session starts left and when they reset (milliseconds).</summary>
public sealed record GatewaySessionStartLimit(int? Remaining, long? ResetAfter);
