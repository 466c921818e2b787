namespace ResultsBot.Discord.Wire;

/// <summary>
/// A channel: in an interaction the bot reads its id and type; asked for (GET /channels/{id}) or listed among threads,
/// its type, server, parent and owner tell a forum or an announcement channel from a text channel and find a thread
/// the bot opened.
/// </summary>
public sealed record DiscordChannel(string? Id)
{
    /// <summary>GUILD_ANNOUNCEMENT: a channel other servers can follow, whose messages can be published.</summary>
    public const int AnnouncementType = 5;

    /// <summary>0 text, 5 announcement, 10/11/12 threads, 15 forum, 16 media; null when Discord did not say.</summary>
    public int? Type { get; init; }

    public string? GuildId { get; init; }

    /// <summary>For a thread: the channel (or forum) it was opened in.</summary>
    public string? ParentId { get; init; }

    /// <summary>For a thread: who opened it.</summary>
    public string? OwnerId { get; init; }

    public string? Name { get; init; }

    public DiscordThreadMetadata? ThreadMetadata { get; init; }

    /// <summary>A forum or media channel: it takes threads, never a message of its own.</summary>
    public bool TakesOnlyThreads => Type is 15 or 16;
}
