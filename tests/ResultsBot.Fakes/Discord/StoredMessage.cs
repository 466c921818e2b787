using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Discord;

/// <summary>The fake's mutable record of one message; tests see <see cref="FakeDiscordMessage"/> snapshots.</summary>
internal sealed class StoredMessage(string id, string channelId, string authorId, DateTimeOffset timestamp)
{
    public string Id => id;

    public string AuthorId => authorId;

    public DateTimeOffset Timestamp => timestamp;

    public string? Content { get; set; }

    public JsonArray Embeds { get; set; } = [];

    public JsonArray Components { get; set; } = [];

    public string? Nonce { get; init; }

    public string? ReferencedMessageId { get; init; }

    public DateTimeOffset? EditedAt { get; set; }

    public List<FakeDiscordAttachment> Attachments { get; set; } = [];

    public List<JsonObject> Edits { get; } = [];

    public DateTimeOffset? CrosspostedAt { get; set; }

    public FakeDiscordMessage Snapshot() => new(
        id, channelId, authorId, Content, (JsonArray)Embeds.DeepClone(), Nonce, ReferencedMessageId, timestamp, [.. Edits.Select(e => (JsonObject)e.DeepClone())])
    {
        Attachments = [.. Attachments],
        Components = (JsonArray)Components.DeepClone(),
        CrosspostedAt = CrosspostedAt,
    };

    /// <summary>The message object as Discord returns it (the fields clients read).</summary>
    /// <param name="withNonce">True only for the answer to the create itself: Discord does not keep the nonce, so a fetched message has none.</param>
    public JsonObject ToJson(string guildId, bool withNonce = false)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["type"] = ReferencedMessageId is null ? 0 : 19,
            ["channel_id"] = channelId,
            ["author"] = new JsonObject { ["id"] = authorId, ["username"] = "ResultsBot", ["discriminator"] = "0", ["bot"] = true },
            ["content"] = Content ?? "",
            ["timestamp"] = timestamp.ToString("O"),
            ["edited_timestamp"] = EditedAt?.ToString("O"),
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = FakeDiscordForm.ToJson(Attachments, channelId),
            ["embeds"] = Embeds.DeepClone(),
            ["components"] = Components.DeepClone(),
            ["pinned"] = false,
            // CROSSPOSTED (1 << 0): published to the channels that follow this one.
            ["flags"] = CrosspostedAt is null ? 0 : 1,
        };
        if (withNonce && Nonce is not null)
        {
            json["nonce"] = Nonce;
        }

        if (ReferencedMessageId is not null)
        {
            json["message_reference"] = new JsonObject { ["type"] = 0, ["message_id"] = ReferencedMessageId, ["channel_id"] = channelId, ["guild_id"] = guildId };
        }

        return json;
    }
}
