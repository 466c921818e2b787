namespace ResultsBot.Discord.Wire;

/// <summary>The message a reply answers; with FailIfNotExists false, a deleted original does not refuse the reply.</summary>
public sealed record DiscordMessageReference(string MessageId, string ChannelId, bool FailIfNotExists);
