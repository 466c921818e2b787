namespace ResultsBot.Discord.Wire;

/// <summary>A slash command as registered with the bulk overwrite (PUT applications/{app}/commands), and as Discord returns it.</summary>
public sealed record ApplicationCommand
{
    /// <summary>1: CHAT_INPUT.</summary>
    public int Type { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>A permission bit set as a string ("16": Manage Channels).</summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>0 GUILD_INSTALL, 1 USER_INSTALL.</summary>
    public IReadOnlyList<int>? IntegrationTypes { get; init; }

    /// <summary>0 GUILD, 1 BOT_DM, 2 PRIVATE_CHANNEL.</summary>
    public IReadOnlyList<int>? Contexts { get; init; }
}
