namespace ResultsBot.Discord.Wire;

/// <summary>An embed's image: "attachment://name" for an uploaded file.</summary>
public sealed record DiscordEmbedImage(string Url);
