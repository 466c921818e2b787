namespace ResultsBot.Discord.Wire;

/// <summary>A channel, of which the bot reads its id and type.</summary>
public sealed record DiscordChannel(string? Id)
{
    /// <summary>GUILD_ANNOUNCEMENT: a channel other servers can follow, whose messages can be published.</summary>
    public const int AnnouncementType = 5;

    /// <summary>0 a text channel, 5 an announcement channel, 11 a thread…; null when Discord did not say.</summary>
    public int? Type { get; init; }
}
