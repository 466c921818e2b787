namespace ResultsBot.Discord.Wire;

/// <summary>An embed: a post's headline as title, party colour, sections as fields, source and time as footer.</summary>
public sealed record DiscordEmbed
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>0xRRGGBB.</summary>
    public int? Color { get; init; }

    public IReadOnlyList<DiscordEmbedField>? Fields { get; init; }

    public DiscordEmbedFooter? Footer { get; init; }

    /// <summary>The main picture, as attachment://name.</summary>
    public DiscordEmbedImage? Image { get; init; }
}
