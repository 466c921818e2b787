namespace ResultsBot.Discord.Wire;

/// <summary>READY's data, of which the bot keeps what a resume needs.</summary>
public sealed record GatewayReady(string? SessionId, string? ResumeGatewayUrl);
