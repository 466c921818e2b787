using System.Text.Json;
using System.Text.Json.Nodes;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Posts;

/// <summary>
/// A message ready for chat.postMessage / chat.update: escaped fallback text (always set) and Block Kit blocks
/// within Slack's limits.
/// </summary>
public sealed record SlackMessageBody(string Text, IReadOnlyList<SlackBlock> Blocks)
{
    /// <summary>The request for a channel: text, blocks (when any), and no unfurling of anything the feed wrote.</summary>
    public ChatMessageRequest ToRequest(string channel) =>
        // The fallback text is feed text too: not read as mrkdwn where Slack shows it.
        new(channel, Text, Blocks.Count > 0 ? Blocks : null) { Mrkdwn = false, UnfurlLinks = false, UnfurlMedia = false };

    /// <summary>The same request as JSON, exactly as it is sent (for checks that read the payload, and the warm-up).</summary>
    public JsonObject ToJson(string channel) =>
        JsonSerializer.SerializeToNode(ToRequest(channel), SlackJsonContext.Default.ChatMessageRequest)!.AsObject();
}
