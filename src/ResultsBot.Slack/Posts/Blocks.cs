using System.Text.Json.Nodes;

namespace ResultsBot.Slack.Posts;

/// <summary>Block Kit JSON shapes, taking text that is already escaped and cut to fit.</summary>
internal static class Blocks
{
    public static JsonObject Header(string plainText) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = plainText, ["emoji"] = true },
    };

    public static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = Mrkdwn(mrkdwn),
    };

    public static JsonObject Fields(IEnumerable<string> fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)Mrkdwn(f))]),
    };

    public static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(mrkdwn)),
    };

    /// <summary>Verbatim: Slack does not turn URLs or #names in feed text into links.</summary>
    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text, ["verbatim"] = true };
}
