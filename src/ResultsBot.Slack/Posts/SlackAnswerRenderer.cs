using System.Text.Json.Nodes;

namespace ResultsBot.Slack.Posts;

/// <summary>
/// A command's answer (plain text, any length) as a message Slack will take: escaped, split into
/// section blocks of at most 3000 characters, at most 50 blocks, with the fallback text always set.
/// </summary>
public static class SlackAnswerRenderer
{
    public static SlackMessageBody Render(string answer)
    {
        var escaped = SlackText.Escape(answer.Trim());
        var content = escaped.Length == 0
            ? new List<JsonObject>()
            : [.. SlackText.Split(escaped, BlockKitLimits.SectionText).Select(Blocks.Section)];
        return new SlackMessageBody(SlackPostRenderer.Fallback(answer), SlackPostRenderer.Limit(content, footer: null));
    }
}
