using ResultsBot.Slack.Posts;

namespace ResultsBot.Slack.Tests;

public sealed class RenderAnswerTests
{
    [Fact]
    public void Render_ShortAnswer_OneSectionAndTheSameText()
    {
        var message = SlackAnswerRenderer.Render("Birmingham: Labour hold <@U1>");

        var block = Assert.Single(message.Blocks);
        Assert.Equal("Birmingham: Labour hold &lt;@U1&gt;", (string?)block!["text"]!["text"]);
        Assert.Equal("Birmingham: Labour hold &lt;@U1&gt;", message.Text);
    }

    [Fact]
    public void Render_HugeAnswer_WithinEveryLimit()
    {
        var answer = string.Join("\n", Enumerable.Range(1, 20_000).Select(i => $"Line {i}: Labour & Co <b>"));

        var message = SlackAnswerRenderer.Render(answer);

        Assert.Equal(50, message.Blocks.Count);
        Assert.All(message.Blocks, b => Assert.InRange(((string)b!["text"]!["text"]!).Length, 1, 3000));
        Assert.Equal("…and more", (string?)message.Blocks[^1]!["text"]!["text"]);
        Assert.InRange(message.Text.Length, 1, 4000);
        Assert.EndsWith("…", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Monospace_EachPieceFencedWithinTheLimit()
    {
        var table = string.Join("\n", Enumerable.Range(1, 400).Select(i => $"{i,5}  Labour  +1"));

        var message = SlackAnswerRenderer.Render(table, monospace: true);

        Assert.True(message.Blocks.Count > 1);
        Assert.All(message.Blocks, b =>
        {
            var text = (string)b!["text"]!["text"]!;
            Assert.InRange(text.Length, 1, 3000);
            Assert.StartsWith("```\n", text, StringComparison.Ordinal);
            Assert.EndsWith("\n```", text, StringComparison.Ordinal);
            Assert.All(text.Split('\n')[1..^1], line => Assert.Equal(17, line.Length)); // alignment kept across pieces
        });
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
