using System.Text.Json;
using System.Text.Json.Nodes;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.Wire;

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

            AssertInert(SlackNoteRenderer.Render(text).ToJson("C1"), seed);
            var response = JsonSerializer.SerializeToNode(SlackCommandAnswerRenderer.Render(new CommandAnswer(text), inChannel: true), SlackJsonContext.Default.SlackCommandResponse)!.AsObject();
            AssertInert(response, seed);
        }
    }

    [Fact]
    public void Render_FeedNameWithMarkup_ShowsAsWrittenInPlainText()
    {
        var post = new Post(PostKind.Declaration, "k", "*OFFICIAL* Labour gain Hull", [new PostSection("_Seats_", "> [x](http://e.example) :flag_gb: ~gone~")]);

        var blocks = SlackPostRenderer.Render(post).ToJson("C1")["blocks"]!.AsArray();

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
        var live = SlackPayloadProbe.LiveMarkup(body);
        Assert.True(live.Count == 0, $"seed {seed}: {string.Join("; ", live)}");
    }
}
