using System.Text.Json.Nodes;

namespace ResultsBot.Slack.Posts;

/// <summary>
/// A message ready for chat.postMessage / chat.update / response_url: escaped fallback text (always
/// set) and Block Kit blocks within Slack's limits.
/// </summary>
public sealed record SlackMessageBody(string Text, JsonArray Blocks)
{
    /// <summary>The JSON body for a channel: text, blocks (when any), and no unfurling of anything the feed wrote.</summary>
    public JsonObject ToJson(string channel)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = Text };
        if (Blocks.Count > 0)
        {
            body["blocks"] = Blocks.DeepClone();
        }

        // The fallback text is feed text too: not read as mrkdwn where Slack shows it.
        body["mrkdwn"] = false;
        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        return body;
    }

    /// <summary>The same without a channel, e.g. for a response_url.</summary>
    public JsonObject ToJson()
    {
        var body = ToJson("");
        body.Remove("channel");
        return body;
    }
}
