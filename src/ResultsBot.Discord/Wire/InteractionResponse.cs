namespace ResultsBot.Discord.Wire;

/// <summary>An interaction's response (4 answer, 5 deferred, 1 PONG) with the answer's message, if any.</summary>
public sealed record InteractionResponse(int Type, DiscordMessage? Data = null);
