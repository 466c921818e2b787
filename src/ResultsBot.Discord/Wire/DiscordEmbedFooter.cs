namespace ResultsBot.Discord.Wire;

/// <summary>An embed's footer: shown as plain text (no markdown).</summary>
public sealed record DiscordEmbedFooter(string? Text);
