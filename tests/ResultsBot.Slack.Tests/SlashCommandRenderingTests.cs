using ResultsBot.Domain.Commands;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Tests;

public class SlashCommandRenderingTests
{
    [Theory]
    [InlineData("council Birmingham", "/council Birmingham", false)]
    [InlineData("  scoreboard ", "/scoreboard", false)]
    [InlineData("", "/help", false)]
    [InlineData("post council Birmingham", "/council Birmingham", true)]
    [InlineData("POST scoreboard", "/scoreboard", true)]
    [InlineData("post", "/help", true)]
    [InlineData("/council Hull", "/council Hull", false)]
    [InlineData("poster", "/poster", false)]
    [InlineData("subscribe party Green", "/subscribe party Green", false)]
    public void Parse_ResultsText_GivesEngineCommandAndAudience(string text, string expected, bool inChannel)
    {
        var (engineText, answersInChannel) = ResultsCommandText.Parse(text);

        Assert.Equal(expected, engineText);
        Assert.Equal(inChannel, answersInChannel);
    }

    [Fact]
    public void Render_TextWithMentionsAndLinks_IsEscapedEverywhere()
    {
        var response = SlackCommandAnswerRenderer.Render(new CommandAnswer("Hi <@U123> & <!channel> see <https://x.example|this>"), inChannel: false);

        Assert.Equal("ephemeral", response.ResponseType);
        Assert.Equal("Hi &lt;@U123&gt; &amp; &lt;!channel&gt; see &lt;https://x.example|this&gt;", response.Text);
        var block = Assert.Single(Texts(response));
        Assert.Equal("```Hi &lt;@U123&gt; &amp; &lt;!channel&gt; see &lt;https://x.example|this&gt;```", block);
        Assert.DoesNotContain('<', block);
    }

    [Fact]
    public void Render_Post_IsInChannel()
    {
        Assert.Equal("in_channel", SlackCommandAnswerRenderer.Render(new CommandAnswer("x"), inChannel: true).ResponseType);
    }

    [Fact]
    public void Render_Backticks_CannotCloseTheCodeBlock()
    {
        var response = SlackCommandAnswerRenderer.Render(new CommandAnswer("a ``` b"), inChannel: false);

        Assert.Equal("```a ''' b```", Assert.Single(Texts(response)));
    }

    [Fact]
    public void Render_LongAnswer_SplitsAtLinesIntoSectionsOfAtMost3000()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"Line {i:000} " + new string('x', 30) + " & more").ToList();
        var response = SlackCommandAnswerRenderer.Render(new CommandAnswer(string.Join('\n', lines)), inChannel: false);

        Assert.True(response.Blocks.Count > 1);
        Assert.All(Texts(response), block => Assert.InRange(block.Length, 7, 3000));
        var rejoined = string.Join('\n', Texts(response).Select(block => block[3..^3]));
        Assert.Equal(string.Join('\n', lines).Replace("&", "&amp;", StringComparison.Ordinal), rejoined);
        Assert.True(response.Text.Length <= 3000);
    }

    [Fact]
    public void Render_OneHugeLine_IsCutWithoutBreakingAnEscape()
    {
        var response = SlackCommandAnswerRenderer.Render(new CommandAnswer(new string('&', 5000)), inChannel: false);

        Assert.All(Texts(response), block =>
        {
            Assert.True(block.Length <= 3000);
            Assert.Matches("^```(&amp;)+```$", block);
        });
    }

    [Fact]
    public void Render_TooLongForOneMessage_StopsAt50BlocksWithANote()
    {
        var text = string.Join('\n', Enumerable.Range(0, 5000).Select(i => new string('a', 60)));
        var response = SlackCommandAnswerRenderer.Render(new CommandAnswer(text), inChannel: false);

        Assert.Equal(50, response.Blocks.Count);
        Assert.Contains("cut", Texts(response)[^1], StringComparison.Ordinal);
        Assert.EndsWith("…", response.Text, StringComparison.Ordinal);
        Assert.True(response.Text.Length <= 3000);
    }

    [Fact]
    public void Render_Table_EachPieceFencedWithItsColumnsKept()
    {
        var table = string.Join("\n", Enumerable.Range(1, 400).Select(i => $"{i,5}  Labour  +1"));

        var response = SlackCommandAnswerRenderer.Render(new CommandAnswer(table), inChannel: false);

        Assert.True(response.Blocks.Count > 1);
        Assert.All(Texts(response), text =>
        {
            Assert.InRange(text.Length, 1, 3000);
            Assert.StartsWith("```", text, StringComparison.Ordinal);
            Assert.EndsWith("```", text, StringComparison.Ordinal);
            Assert.All(text[3..^3].Split('\n'), line => Assert.Equal(17, line.Length)); // alignment kept across pieces
        });
    }

    /// <summary>Each block's text: a command's answer is made of mrkdwn sections only.</summary>
    private static List<string> Texts(SlackCommandResponse response) =>
        [.. response.Blocks.Select(block => Assert.IsType<SectionBlock>(block).Text!.Text)];
}
