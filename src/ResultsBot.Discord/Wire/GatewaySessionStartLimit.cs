namespace ResultsBot.Discord.Wire;

/// <summary>The day's session starts left, when they reset (milliseconds), and how many shards may identify at once.</summary>
public sealed record GatewaySessionStartLimit(int? Remaining, long? ResetAfter, int? MaxConcurrency = null);
