using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// Lists what in a Slack message body we send could render as a link, a mention, an emoji code or
/// formatting: text objects must be plain_text with emoji codes off (Slack renders none of it) or our own
/// code block with no backtick inside to close it; &amp;, &lt; and &gt; are always escaped; the fallback
/// text is not read as mrkdwn.
/// </summary>
public static class SlackPayloadProbe
{
    public static IReadOnlyList<string> LiveMarkup(JsonObject body)
    {
        var problems = new List<string>();
        if ((string?)body["text"] is { } fallback)
        {
            if (fallback.IndexOfAny(['<', '>']) >= 0)
            {
                problems.Add("unescaped < or > in the fallback text");
            }

            if (body["mrkdwn"] is not JsonValue flag || flag.GetValue<bool>())
            {
                problems.Add("fallback text read as mrkdwn");
            }
        }

        foreach (var textObject in TextObjects(body))
        {
            var type = (string?)textObject["type"];
            var text = (string?)textObject["text"] ?? "";
            if (text.IndexOfAny(['<', '>']) >= 0)
            {
                problems.Add($"unescaped < or > in {text}");
            }

            if (type == "plain_text" && textObject["emoji"] is JsonValue emoji && emoji.GetValue<bool>())
            {
                problems.Add($"emoji codes on in {text}");
            }

            // mrkdwn only as our own code block: one fence each end, no backtick inside to close it.
            if (type == "mrkdwn" && !(text.Length >= 6 && text.StartsWith("```", StringComparison.Ordinal) && text.EndsWith("```", StringComparison.Ordinal) && !text[3..^3].Contains('`', StringComparison.Ordinal)))
            {
                problems.Add($"mrkdwn outside a code block: {text}");
            }
        }

        return problems;
    }

    private static IEnumerable<JsonObject> TextObjects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj["type"] is JsonValue type && (string?)type is "plain_text" or "mrkdwn":
                yield return obj;
                break;
            case JsonObject obj:
                foreach (var child in obj.Select(p => p.Value).SelectMany(TextObjects))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(TextObjects))
                {
                    yield return child;
                }

                break;
        }
    }
}
