namespace ResultsBot.Discord.Wire;

/// <summary>One labelled section of an embed.</summary>
public sealed record DiscordEmbedField(string Name, string Value, bool Inline);
