using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// A button pressed in Slack, as Slack tells the app (Block Kit's block_actions payload): who pressed it, where, the
/// action (action_id, block_id, value, the button's text), a fresh response_url and trigger_id for this interaction,
/// and a container saying which message (an ephemeral one has is_ephemeral and no message object). Delivered either as
/// a signed form POST to the Interactivity Request URL (field "payload") or in a Socket Mode "interactive" envelope.
/// </summary>
public static class FakeSlackBlockActions
{
    private static long _ts;

    /// <summary>
    /// The payload for pressing the button labelled <paramref name="label"/> in <paramref name="message"/> (a message or
    /// an answer as the bot sent it, with its blocks). Slack only sends presses of buttons that are there, so asking for
    /// another throws.
    /// </summary>
    public static JsonObject Press(JsonElement message, string label, Uri responseUrl, string userId = "U0FAKEUSER", string channelId = "C0FAKECHAN", bool ephemeral = true, string teamId = "T0FAKETEAM")
    {
        var blocks = message.TryGetProperty("blocks", out var b) ? JsonNode.Parse(b.GetRawText()) as JsonArray ?? [] : [];
        foreach (var block in blocks.OfType<JsonObject>().Where(x => (string?)x["type"] == "actions"))
        {
            foreach (var element in (block["elements"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((string?)element["type"] == "button" && (string?)element["text"]?["text"] == label)
                {
                    return PressWith(element, (string?)block["block_id"] ?? "fake" + Math.Abs(label.GetHashCode(StringComparison.Ordinal)), responseUrl, userId, channelId, ephemeral, teamId);
                }
            }
        }

        throw new InvalidOperationException($"The message has no button labelled \"{label}\"; Slack could not send that press.");
    }

    /// <summary>
    /// The payload for pressing the button labelled <paramref name="label"/> on <paramref name="post"/>, a message the
    /// bot posted in a channel: the container names the message (not ephemeral) and, as Slack sends for a message in a
    /// channel, the message itself comes along. <paramref name="teamId"/> is the workspace it was pressed in.
    /// </summary>
    public static JsonObject PressOnPost(FakeSlackMessage post, string label, Uri responseUrl, string userId = "U0FAKEUSER", string teamId = "T0FAKETEAM")
    {
        ArgumentNullException.ThrowIfNull(post);
        var message = new JsonObject { ["type"] = "message", ["text"] = post.Text ?? "", ["ts"] = post.Ts, ["blocks"] = post.Blocks?.DeepClone() ?? new JsonArray() };
        using var asSent = JsonDocument.Parse(message.ToJsonString());
        var press = Press(asSent.RootElement, label, responseUrl, userId, post.Channel, ephemeral: false, teamId);
        press["container"]!["message_ts"] = post.Ts;
        press["message"] = message;
        return press;
    }

    /// <summary>A press of a button the bot may not have made (an older version's, or made up): action_id and value as given.</summary>
    public static JsonObject PressWithAction(string actionId, string value, Uri responseUrl, string userId = "U0FAKEUSER", string channelId = "C0FAKECHAN", string teamId = "T0FAKETEAM") =>
        PressWith(new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["value"] = value, ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Button" } }, "fakeblock", responseUrl, userId, channelId, ephemeral: true, teamId);

    /// <summary>The signed, form-encoded POST Slack sends to the Interactivity Request URL: payload=JSON, signed as slash commands are.</summary>
    public static HttpRequestMessage SignedRequest(Uri endpoint, string signingSecret, DateTimeOffset sentAt, JsonObject payload)
    {
        var body = FakeSlackSlashCommandRequest.FormBody([new("payload", payload.ToJsonString())]);
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", FakeSlackSlashCommandRequest.Sign(signingSecret, timestamp, body));
        return request;
    }

    private static JsonObject PressWith(JsonObject button, string blockId, Uri responseUrl, string userId, string channelId, bool ephemeral, string teamId)
    {
        // Slack's timestamps are seconds.microseconds; any distinct ones will do here.
        var ts = "1714700000." + Interlocked.Increment(ref _ts).ToString("D6", CultureInfo.InvariantCulture);
        var container = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channelId, ["is_ephemeral"] = ephemeral };
        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "fake.user", ["name"] = "fake.user", ["team_id"] = teamId },
            ["api_app_id"] = FakeSlackSocketMode.AppId,
            ["token"] = "fake-verification-token",
            ["container"] = container,
            ["trigger_id"] = "13345224609.738474920." + Guid.NewGuid().ToString("N")[..24],
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "fake-team" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "election-night" },
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = responseUrl.ToString(),
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["action_id"] = button["action_id"]?.DeepClone(),
                    ["block_id"] = blockId,
                    ["text"] = button["text"]?.DeepClone(),
                    ["value"] = button["value"]?.DeepClone(),
                    ["type"] = "button",
                    ["action_ts"] = ts,
                },
            },
        };
    }
}
