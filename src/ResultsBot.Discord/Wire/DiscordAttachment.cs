namespace ResultsBot.Discord.Wire;

/// <summary>An uploaded file's metadata: Id is its files[n] index as a string, Description its alt text.</summary>
public sealed record DiscordAttachment(string Id, string Filename, string? Description);
