using System.Text.Json.Nodes;

namespace ResultsBot.Slack.Posts;

/// <summary>
/// A command's answer (plain text, any length) as a message Slack will take: escaped, split into
/// section blocks of at most 3000 characters, at most 50 blocks, with the fallback text always set.
/// </summary>
public static class SlackAnswerRenderer
{
    private const string Fence = "```";

    /// <param name="monospace">Each piece in a code block, so aligned tables (the scoreboard) stay aligned.</param>
    public static SlackMessageBody Render(string answer, bool monospace = false)
    {
        // Leading spaces stay: the first line of a table is aligned like the rest.
        // In a code block nothing formats, but a backtick could close it early: the answers never need one.
        var text = answer.TrimEnd().TrimStart('\r', '\n');
        var escaped = SlackText.Escape(monospace ? text.Replace('`', '\'') : text);
        var room = BlockKitLimits.SectionText - (monospace ? (2 * Fence.Length) + 2 : 0);
        var content = escaped.Length == 0
            ? new List<JsonObject>()
            : [.. SlackText.Split(escaped, room).Select(piece => monospace ? Blocks.MrkdwnSection($"{Fence}\n{piece}\n{Fence}") : Blocks.Section(piece))];
        return new SlackMessageBody(SlackPostRenderer.Fallback(answer), SlackPostRenderer.Limit(content, footer: null));
    }
}
