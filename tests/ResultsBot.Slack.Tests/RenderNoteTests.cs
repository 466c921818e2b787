using ResultsBot.Slack.Posts;

namespace ResultsBot.Slack.Tests;

/// <summary>Our own notes (the threaded correction note) as Slack messages.</summary>
public sealed class RenderNoteTests
{
    [Fact]
    public void Render_ShortNote_OneSectionAndTheSameText()
    {
        var message = SlackNoteRenderer.Render("Birmingham: Labour hold <@U1>");

        var block = Assert.Single(RenderPostTests.Json(message));
        Assert.Equal("Birmingham: Labour hold &lt;@U1&gt;", (string?)block!["text"]!["text"]);
        Assert.Equal("Birmingham: Labour hold &lt;@U1&gt;", message.Text);
    }

    [Fact]
    public void Render_HugeNote_WithinEveryLimit()
    {
        var answer = string.Join("\n", Enumerable.Range(1, 20_000).Select(i => $"Line {i}: Labour & Co <b>"));

        var message = SlackNoteRenderer.Render(answer);

        Assert.Equal(50, RenderPostTests.Json(message).Count);
        Assert.All(RenderPostTests.Json(message), b => Assert.InRange(((string)b!["text"]!["text"]!).Length, 1, 3000));
        Assert.Equal("…and more", (string?)RenderPostTests.Json(message)[^1]!["text"]!["text"]);
        Assert.InRange(message.Text.Length, 1, 4000);
        Assert.EndsWith("…", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_NeverCutsAnEscapeOrASurrogatePair()
    {
        var text = SlackText.Escape(string.Concat(Enumerable.Repeat("&😀<", 2000)));

        var pieces = SlackText.Split(text, 100);

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p =>
        {
            Assert.InRange(p.Length, 1, 100);
            Assert.False(char.IsHighSurrogate(p[^1]));
            Assert.Matches("^(&amp;|&lt;|😀)", p);
        });
    }
}
