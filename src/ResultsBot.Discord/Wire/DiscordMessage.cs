using System.Text.Json;

namespace ResultsBot.Discord.Wire;

/// <summary>
/// A message as Discord's REST API takes it (create, edit, interaction response data, follow-up) and returns it.
/// The properties are in the order they go on the wire; null ones are left out.
/// </summary>
public sealed record DiscordMessage
{
    public string? Content { get; init; }

    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    public DiscordAllowedMentions? AllowedMentions { get; init; }

    /// <summary>Makes the message a reply (the correction note under the post it corrects).</summary>
    public DiscordMessageReference? MessageReference { get; init; }

    /// <summary>With <see cref="EnforceNonce"/>, a resend within a few minutes returns the first message instead of a second.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    /// <summary>64: only the caller sees it (interaction answers).</summary>
    public int? Flags { get; init; }

    /// <summary>The uploaded files' metadata; on an edit, exactly the attachments to keep.</summary>
    public IReadOnlyList<DiscordAttachment>? Attachments { get; init; }

    /// <summary>Buttons under the message, in action rows; on an edit, an empty list removes them and null keeps them.</summary>
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    /// <summary>Only on messages Discord returns.</summary>
    public string? Id { get; init; }

    /// <summary>Only on messages Discord returns: who sent it.</summary>
    public DiscordUser? Author { get; init; }

    /// <summary>The message as JSON, exactly as it is sent.</summary>
    public string ToJsonString() => JsonSerializer.Serialize(this, DiscordJsonContext.Default.DiscordMessage);
}
