namespace ResultsBot.Discord.Wire;

/// <summary>
/// POST /channels/{forum}/threads: a forum post, that is a thread with its first message.
/// <paramref name="AutoArchiveDuration"/> is in minutes (60, 1440, 4320 or 10080).
/// </summary>
public sealed record ForumThreadRequest(string Name, int AutoArchiveDuration, DiscordMessage Message);
