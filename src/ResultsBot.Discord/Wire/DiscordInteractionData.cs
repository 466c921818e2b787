namespace ResultsBot.Discord.Wire;

/// <summary>The command an interaction invokes, with its options as typed.</summary>
public sealed record DiscordInteractionData(string? Name, IReadOnlyList<DiscordInteractionOption>? Options = null);
