namespace ResultsBot.Discord;

/// <summary>How interactions reach the bot: over the Gateway (no public URL needed) or as signed POSTs to its web server.</summary>
public enum DiscordMode
{
    Gateway,
    Interactions,
}
