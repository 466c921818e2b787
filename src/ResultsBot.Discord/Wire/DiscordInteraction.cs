namespace ResultsBot.Discord.Wire;

/// <summary>
/// An interaction as Discord sends it (Gateway INTERACTION_CREATE or the Interactions Endpoint). Only what the bot
/// reads is here: Discord adds fields, and unknown ones are skipped.
/// </summary>
public sealed record DiscordInteraction
{
    public string? Id { get; init; }

    public string? ApplicationId { get; init; }

    /// <summary>1 PING, 2 APPLICATION_COMMAND, 3 MESSAGE_COMPONENT (a button pressed), 4 AUTOCOMPLETE.</summary>
    public int Type { get; init; }

    public string? Token { get; init; }

    public DiscordInteractionData? Data { get; init; }

    /// <summary>In a server: the member (with their permissions there); absent in DMs.</summary>
    public DiscordGuildMember? Member { get; init; }

    /// <summary>In DMs: the user.</summary>
    public DiscordUser? User { get; init; }

    public string? ChannelId { get; init; }

    public DiscordChannel? Channel { get; init; }

    public string? GuildId { get; init; }

    /// <summary>For a button press: the message the button is on, as Discord sends it with the press.</summary>
    public DiscordMessage? Message { get; init; }

    /// <summary>The bot's own permissions in the channel, as a bit set string.</summary>
    public string? AppPermissions { get; init; }
}
