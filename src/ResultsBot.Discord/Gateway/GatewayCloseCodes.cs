namespace ResultsBot.Discord.Gateway;

/// <summary>What a Gateway close code means for the next connection (Discord's close-code table).</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Our own close when we mean to resume: any code but 1000/1001 keeps the session alive.</summary>
    public const int ResumeLater = 4000;

    /// <summary>The bot is in too many guilds for the shards it identified with: the count must be read again.</summary>
    public const int ShardingRequired = 4011;

    /// <summary>Authentication failed, invalid shard, sharding required, invalid API version, invalid or disallowed intents: reconnecting cannot help.</summary>
    public static bool IsFatal(int code) => code is 4004 or 4010 or 4011 or 4012 or 4013 or 4014;

    /// <summary>The session is gone (not authenticated, invalid seq, timed out): reconnect, but identify afresh.</summary>
    public static bool EndsSession(int code) => code is 4003 or 4007 or 4009;

    public static string Describe(int code) => code switch
    {
        4004 => "authentication failed (the bot token is wrong or was reset)",
        4010 => "invalid shard",
        4011 => "sharding required",
        4012 => "invalid API version",
        4013 => "invalid intents",
        4014 => "disallowed intents (not enabled for this application)",
        4008 => "rate limited (too many gateway sends)",
        4007 => "invalid sequence on resume",
        4009 => "session timed out",
        _ => "close code " + code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
