using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Discord;

/// <summary>A message as the fake stored it: what tests read back (content, embeds, attachments, edits, reply reference).</summary>
public sealed record FakeDiscordMessage(
    string Id,
    string ChannelId,
    string AuthorId,
    string? Content,
    JsonArray Embeds,
    string? Nonce,
    string? ReferencedMessageId,
    DateTimeOffset Timestamp,
    IReadOnlyList<JsonObject> EditHistory)
{
    /// <summary>The first embed's title, for short asserts.</summary>
    public string? Title => Embeds.Count > 0 ? (string?)Embeds[0]?["title"] : null;

    public bool Edited => EditHistory.Count > 0;

    /// <summary>The files on the message now (an edit that named others replaced them), in order.</summary>
    public IReadOnlyList<FakeDiscordAttachment> Attachments { get; init; } = [];

    /// <summary>The message's components (action rows of buttons), as Discord returns them.</summary>
    public JsonArray Components { get; init; } = [];

    /// <summary>The buttons under the message, in order: (label, custom_id, disabled).</summary>
    public IReadOnlyList<(string Label, string? CustomId, bool Disabled)> Buttons => FakeDiscordButtons.Of(Components);

    /// <summary>The first embed's image URL ("attachment://map.png" for an uploaded picture), if any.</summary>
    /// <summary>When the message was published to the channels that follow its announcement channel (crossposted); null if never.</summary>
    public DateTimeOffset? CrosspostedAt { get; init; }

    public bool Crossposted => CrosspostedAt is not null;

    public string? ImageUrl => Embeds.Count > 0 ? (string?)Embeds[0]?["image"]?["url"] : null;
}
