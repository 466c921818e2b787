using System.Text.Json.Nodes;

namespace ResultsBot.Slack.Posts;

/// <summary>
/// Block Kit JSON shapes, taking text that is already escaped and cut to fit. Text that holds feed or user
/// words goes as plain_text: mrkdwn has no way to escape * _ ~ ` or a line-start &gt;, so a name like
/// "*OFFICIAL*" would be bold; plain_text shows it as written, with no links, mentions or emoji codes.
/// </summary>
internal static class Blocks
{
    public static JsonObject Header(string plainText) => new()
    {
        ["type"] = "header",
        ["text"] = Plain(plainText),
    };

    public static JsonObject Section(string plainText) => new()
    {
        ["type"] = "section",
        ["text"] = Plain(plainText),
    };

    /// <summary>A section in mrkdwn, for our own markup around text that cannot format (a code block).</summary>
    public static JsonObject MrkdwnSection(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn, ["verbatim"] = true },
    };

    public static JsonObject Fields(IEnumerable<string> fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)Plain(f))]),
    };

    public static JsonObject Context(string plainText) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Plain(plainText)),
    };

    /// <summary>emoji off: ":flag_gb:" in a name stays the text it is.</summary>
    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = false };
}
