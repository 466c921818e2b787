namespace ResultsBot.Discord.Rest;

/// <summary>A file sent with a request as Discord's <c>files[n]</c> part: its name (what <c>attachment://</c> refers to), bytes and media type.</summary>
public sealed record DiscordUpload(string FileName, byte[] Bytes, string ContentType = "image/png");
