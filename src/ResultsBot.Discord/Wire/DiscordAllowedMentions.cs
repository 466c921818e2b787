namespace ResultsBot.Discord.Wire;

/// <summary>Which mentions may ping: the bot allows none (feed text could hold "@everyone").</summary>
public sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse)
{
    public static DiscordAllowedMentions None { get; } = new([]);
}
