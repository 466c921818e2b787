using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Slack;

/// <summary>A message the fake holds, as last edited. <see cref="ThreadTs"/> is set on replies (and on a parent once it has replies).</summary>
/// <param name="Blocks">The blocks as sent, or null for a text-only message.</param>
/// <param name="Metadata">{event_type, event_payload} as sent, or null.</param>
/// <param name="Unfurl">The unfurl_links and unfurl_media flags as sent (null when not sent).</param>
public sealed record FakeSlackMessage(
    string Channel,
    string Ts,
    string? Text,
    JsonArray? Blocks,
    string? ThreadTs,
    JsonObject? Metadata,
    string? EditedTs,
    (bool? Links, bool? Media) Unfurl)
{
    public bool IsReply => ThreadTs is not null && ThreadTs != Ts;

    /// <summary>The pictures it shows, in order: files in its image blocks (as last edited), or the files shared as this message.</summary>
    public IReadOnlyList<FakeSlackImage> Images { get; init; } = [];

    /// <summary>Ids of files shared into the channel as this message (files.completeUploadExternal with channel_id).</summary>
    public IReadOnlyList<string> FileIds { get; init; } = [];

    /// <summary>metadata.event_payload.delivery_id, as our bot writes it.</summary>
    public string? DeliveryId => Metadata?["event_payload"]?["delivery_id"]?.ToString();

    /// <summary>The message object as conversations.history and chat.postMessage show it.</summary>
    internal JsonObject ToJson(string botUserId, string botId, bool withMetadata, int replyCount)
    {
        var json = new JsonObject
        {
            ["type"] = "message",
            ["user"] = botUserId,
            ["bot_id"] = botId,
            ["text"] = Text ?? "",
            ["ts"] = Ts,
        };
        if (Blocks is not null)
        {
            json["blocks"] = Blocks.DeepClone();
        }

        if (FileIds.Count > 0)
        {
            json["subtype"] = "file_share";
            json["upload"] = true;
            json["files"] = new JsonArray([.. FileIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]);
        }

        if (ThreadTs is not null)
        {
            json["thread_ts"] = ThreadTs;
        }

        if (replyCount > 0)
        {
            json["reply_count"] = replyCount;
        }

        if (EditedTs is not null)
        {
            json["edited"] = new JsonObject { ["user"] = botUserId, ["ts"] = EditedTs };
        }

        if (withMetadata && Metadata is not null)
        {
            json["metadata"] = Metadata.DeepClone();
        }

        return json;
    }
}
