using System.Text.Json.Nodes;
using ResultsBot.Domain.Posts;
using ResultsBot.Slack.Posts;

namespace ResultsBot.Slack.Tests;

public sealed class RenderPostTests
{
    private static readonly Post Birmingham = new(PostKind.Declaration, "council:E08000025", "Labour hold Birmingham",
        [
            PostSection.Plain("Whole council up: 101 seats"),
            new PostSection("Seats won", "Labour 65 (+2), Conservatives 22 (−3)"),
            new PostSection("Council now", "Labour 65, Conservatives 22"),
            PostSection.Plain("Labour majority of 29"),
        ])
    {
        Footer = "PA Media · 3 May 2024, 03:12 UK time",
    };

    [Fact]
    public void Render_HeaderFieldsTextAndFooter_InOrder()
    {
        var message = SlackPostRenderer.Render(Birmingham);

        Assert.Equal(["header", "section", "section", "section", "context"], Types(message));
        Assert.Equal("Labour hold Birmingham", (string?)Json(message)[0]!["text"]!["text"]);
        Assert.Equal("plain_text", (string?)Json(message)[0]!["text"]!["type"]);
        var fields = Json(message)[2]!["fields"]!.AsArray();
        Assert.Equal(["Seats won\nLabour 65 (+2), Conservatives 22 (−3)", "Council now\nLabour 65, Conservatives 22"], fields.Select(f => (string?)f!["text"]));
        Assert.Equal("PA Media · 3 May 2024, 03:12 UK time", (string?)Json(message)[4]!["elements"]![0]!["text"]);
        Assert.Equal(Birmingham.ToPlainText(), message.Text);
    }

    [Fact]
    public void Render_FeedTextWithMentionsAndLinks_ComesOutInert()
    {
        const string Nasty = "<!here> <@U123> <http://x|y> & more <!channel>";
        var post = new Post(PostKind.Declaration, "k", Nasty, [PostSection.Plain(Nasty), new PostSection(Nasty, Nasty)]) { Footer = Nasty };

        var message = SlackPostRenderer.Render(post);

        const string Inert = "&lt;!here&gt; &lt;@U123&gt; &lt;http://x|y&gt; &amp; more &lt;!channel&gt;";
        var texts = AllTexts(message).ToList();
        Assert.All(texts, t => Assert.DoesNotContain('<', t));
        Assert.All(texts, t => Assert.DoesNotContain('>', t));
        Assert.Contains(Inert, message.Text, StringComparison.Ordinal);
        Assert.Equal(Inert, (string?)Json(message)[0]!["text"]!["text"]);
        Assert.Equal(Inert + "\n" + Inert, (string?)Json(message)[2]!["fields"]![0]!["text"]);
    }

    [Fact]
    public void Render_LongHeadline_TrimmedTo150WithEllipsis()
    {
        var post = new Post(PostKind.Digest, "k", new string('a', 149) + " & the rest", Array.Empty<PostSection>());

        var header = (string)Json(SlackPostRenderer.Render(post))[0]!["text"]!["text"]!;

        Assert.True(header.Length <= 150);
        Assert.EndsWith("…", header, StringComparison.Ordinal);
        Assert.DoesNotContain("&am…", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyFields_TenToASection()
    {
        var post = new Post(PostKind.Digest, "k", "Digest", [.. Enumerable.Range(1, 23).Select(i => new PostSection("Council " + i, "Lab hold"))]);

        var message = SlackPostRenderer.Render(post);

        var counts = Json(message).Skip(1).Select(b => b!["fields"]!.AsArray().Count).ToList();
        Assert.Equal([10, 10, 3], counts);
    }

    [Fact]
    public void Render_LongUnlabelledText_SplitIntoSectionsOf3000()
    {
        var words = string.Join(" ", Enumerable.Repeat("Labour & Co", 1000)); // 11,999 characters, ~16,000 escaped
        var post = new Post(PostKind.Digest, "k", "Digest", [PostSection.Plain(words)]);

        var sections = Json(SlackPostRenderer.Render(post)).Skip(1).Select(b => (string)b!["text"]!["text"]!).ToList();

        Assert.True(sections.Count > 1);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, 3000));
        Assert.Equal(SlackText.Escape(words).Replace(" ", "", StringComparison.Ordinal), string.Concat(sections).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_OverlongField_ReadsOnAsText()
    {
        var post = new Post(PostKind.Digest, "k", "Digest", [new PostSection("Seats", new string('x', 2500))]);

        var block = Json(SlackPostRenderer.Render(post))[1]!;

        Assert.Null(block["fields"]);
        Assert.StartsWith("Seats\nxxx", (string)block["text"]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TooManyBlocks_TrimmedTo50WithANoteAndTheFooter()
    {
        var post = new Post(PostKind.Digest, "k", "Digest", [.. Enumerable.Range(1, 80).Select(i => PostSection.Plain("Line " + i))]) { Footer = "PA Media" };

        var message = SlackPostRenderer.Render(post);

        Assert.Equal(50, Json(message).Count);
        Assert.Equal("…and more", (string?)Json(message)[48]!["text"]!["text"]);
        Assert.Equal("context", (string?)Json(message)[49]!["type"]);
    }

    [Fact]
    public void Render_EmptyPieces_NeverEmptyTextObjects()
    {
        var post = new Post(PostKind.Digest, "k", "  ", [PostSection.Plain(""), new PostSection("", ""), new PostSection("Label", "")]) { Footer = " " };

        var message = SlackPostRenderer.Render(post);

        Assert.All(AllTexts(message), t => Assert.NotEqual("", t.Trim()));
        Assert.NotEqual("", message.Text);
    }

    [Fact]
    public void Render_SendsNoUnfurling()
    {
        var json = SlackPostRenderer.Render(Birmingham).ToJson("C1");

        Assert.False((bool)json["unfurl_links"]!);
        Assert.False((bool)json["unfurl_media"]!);
        Assert.Equal("C1", (string?)json["channel"]);
    }

    /// <summary>The blocks as they go on the wire: what Slack reads is what these tests read.</summary>
    internal static JsonArray Json(SlackMessageBody message) => message.ToJson("C1")["blocks"] as JsonArray ?? [];

    internal static IEnumerable<string> Types(SlackMessageBody message) => Json(message).Select(b => (string)b!["type"]!);

    internal static IEnumerable<string> AllTexts(SlackMessageBody message)
    {
        yield return message.Text;
        foreach (var node in Json(message).SelectMany(b => Descend(b!)))
        {
            if (node is JsonObject o && o["text"] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                yield return s;
            }
        }
    }

    private static IEnumerable<JsonNode> Descend(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descend))
        {
            yield return child;
        }
    }
}
