using System.Text.Json;
using System.Text.Json.Nodes;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes;
using ResultsBot.Slack.Posts;
using CommandAnswerRenderer = ResultsBot.Slack.Commands.SlackAnswerRenderer;

namespace ResultsBot.Slack.Tests;

/// <summary>
/// Property: whatever the feed or a user writes, nothing in a Slack payload we build becomes a link, a
/// mention, an emoji code or formatting. Text objects are plain_text (Slack renders none of it), or our
/// own code block with no backtick of the text's inside; &amp;, &lt; and &gt; are always escaped.
/// </summary>
public sealed class HostileTextPropertyTests
{
    private const int Cases = 2000;

    [Fact]
    public void Render_HostileFeedTextAnywhereInAPost_NothingIsLive()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var body = SlackPostRenderer.Render(HostilePost(random)).ToJson("C1");

            AssertInert(body, seed);
        }
    }

    [Fact]
    public void Render_HostileAnswersAndCorrectionNotes_NothingIsLive()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var text = random.Next(4) == 0 ? HostileText.Long(random, 7000) : HostileText.Next(random);

            AssertInert(SlackAnswerRenderer.Render(text).ToJson("C1"), seed);
            AssertInert(SlackAnswerRenderer.Render(text, monospace: true).ToJson("C1"), seed);
            var response = JsonSerializer.SerializeToNode(CommandAnswerRenderer.Render(new CommandAnswer(text), inChannel: true), ResultsBot.Slack.Commands.SlackCommandJson.Default.SlackCommandResponse)!.AsObject();
            AssertInert(response, seed);
        }
    }

    [Fact]
    public void Render_FeedNameWithMarkup_ShowsAsWrittenInPlainText()
    {
        var post = new Post(PostKind.Declaration, "k", "*OFFICIAL* Labour gain Hull", [new PostSection("_Seats_", "> [x](http://e.example) :flag_gb: ~gone~")]);

        var blocks = SlackPostRenderer.Render(post).Blocks;

        Assert.Equal("""{"type":"plain_text","text":"*OFFICIAL* Labour gain Hull","emoji":false}""", blocks[0]!["text"]!.ToJsonString());
        Assert.Equal("""{"type":"plain_text","text":"_Seats_\n\u0026gt; [x](http://e.example) :flag_gb: ~gone~","emoji":false}""", blocks[1]!["fields"]![0]!.ToJsonString());
    }

    private static Post HostilePost(Random random)
    {
        var sections = new List<PostSection>();
        for (var i = random.Next(0, 30); i > 0; i--)
        {
            var text = random.Next(10) == 0 ? HostileText.Long(random, 3500) : HostileText.Next(random);
            sections.Add(random.Next(2) == 0 ? PostSection.Plain(text) : new PostSection(HostileText.Next(random, 3), text));
        }

        return new Post(PostKind.Declaration, "council:1", HostileText.Next(random, 12), sections) { Footer = HostileText.Next(random, 4) };
    }

    private static void AssertInert(JsonObject body, int seed)
    {
        var problems = new List<string>();
        if ((string?)body["text"] is { } fallback)
        {
            if (fallback.IndexOfAny(['<', '>']) >= 0)
            {
                problems.Add("unescaped < or > in the fallback text");
            }

            if (body["mrkdwn"] is { } flag && flag.GetValue<bool>())
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

            if (type == "plain_text" && textObject["emoji"] is { } emoji && emoji.GetValue<bool>())
            {
                problems.Add($"emoji codes on in {text}");
            }

            // mrkdwn only as our own code block: one fence each end, no backtick inside to close it.
            if (type == "mrkdwn" && !(text.StartsWith("```", StringComparison.Ordinal) && text.EndsWith("```", StringComparison.Ordinal) && text.Length >= 6 && !text[3..^3].Contains('`', StringComparison.Ordinal)))
            {
                problems.Add($"mrkdwn outside a code block: {text}");
            }
        }

        Assert.True(problems.Count == 0, $"seed {seed}: {string.Join("; ", problems)}");
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
