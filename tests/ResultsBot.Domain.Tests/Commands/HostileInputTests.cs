using System.Globalization;
using System.Text;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

/// <summary>
/// Whatever is typed, the answer is short, never an exception, and repeats nothing that could
/// ping (@everyone, &lt;@123&gt;), format (* _ ` &gt; ~ |) or turn a channel's text around (bidi marks).
/// </summary>
public class HostileInputTests
{
    private static readonly string[] Commands =
        ["/council ", "/party ", "/scoreboard ", "/gains ", "/declared ", "/awaiting ", "/help ", "/", "", "council ", "/nonsense", "@everyone "];

    private static readonly string[] Fragments =
    [
        "@everyone", "@here", "<@123>", "<@&456>", "<#789>", "<!channel>", "*", "**bold**", "_", "__u__",
        "`", "```x```", "> ", ">>> ", "~~", "||", "#", "\u202E", "\u200F", "\u200E", "\u2066", "\u200B", "\uFEFF",
        "\0", "\u0007", "\u001B[31m", "\r\n", "\t", "\u0085", "\u2028", "🎉", "\uD800", "Hull", "Thurrock",
        "Labour", "Lib Dems", "E07000223", "4735", "' OR 1=1 --", "%s%n", "{0}", "\\", "\"", "&amp;", "..", " ",
    ];

    private readonly CommandEngine _engine = new(Culture.EnGb);

    private readonly ResultsBook _book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland)
        .ExpectCouncils(["Thurrock", "Kingston upon Hull", "Harlow"]);

    public static TheoryData<string> Named() =>
    [
        "", " ", "\0", "\u202E", "@everyone", "@here", "/council @everyone", "/party @here", "/council <@123>",
        "/`rm -rf`", "/**bold**", "/council " + new string('*', 5000), new string('a', 5000), "/council " + new string('a', 5000),
        "/party " + new string('x', 5000), "/" + new string('@', 5000), "\u202E/council Hull", "/council\u200BHull",
        "/council ||Hull||", "/council > Hull", "/council _Hull_", "/council ```Hull```", "/unknown @everyone *now*",
    ];

    [Theory]
    [MemberData(nameof(Named))]
    public void Answer_HostileInput_IsSafe(string input) => AssertSafe(input);

    [Fact]
    public void Answer_ThousandsOfRandomHostileInputs_AreAllSafe()
    {
        var random = new Random(20260507);
        for (var i = 0; i < 3000; i++)
        {
            var input = new StringBuilder(Commands[random.Next(Commands.Length)]);
            var count = random.Next(0, 8);
            for (var j = 0; j < count; j++)
            {
                input.Append(random.Next(4) == 0 ? ((char)random.Next(0, 0x3000)).ToString() : Fragments[random.Next(Fragments.Length)]);
            }

            AssertSafe(input.ToString());
        }
    }

    [Fact]
    public void Answer_MentionAsCouncil_IsNotEchoedAsAMention()
    {
        Assert.Equal("No result for \"everyone\" tonight.", _engine.Answer("/council @everyone", _book).Text);
        Assert.Equal("No result for \"123\" tonight.", _engine.Answer("/council <@123>", _book).Text);
    }

    [Fact]
    public void Answer_MarkdownCommand_IsNotEchoedAsMarkdown()
    {
        Assert.Equal("I don't know the command \"/bold\". /help lists the ones I do; questions such as \"who won Birmingham\" or \"how are Labour doing\" work too.", _engine.Answer("/**bold**", _book).Text);
        Assert.Equal("I don't know that command. /help lists the ones I do.", _engine.Answer("/```", _book).Text);
    }

    [Fact]
    public void Answer_BidiMarksAroundACommand_StillAnswersIt()
    {
        var answer = _engine.Answer("\u202E/council\u200F Sunderland\u2069", _book);

        Assert.StartsWith("Labour hold Sunderland\n", answer.Text, StringComparison.Ordinal);
    }

    private void AssertSafe(string input)
    {
        var answer = _engine.Answer(input, _book);

        Assert.NotNull(answer.Text);
        Assert.NotEqual("", answer.Text);
        Assert.True(answer.Text.Length <= 2000, $"{answer.Text.Length} characters for {Describe(input)}");
        foreach (var ch in answer.Text)
        {
            Assert.False(ch is '@' or '`' or '*' or '_' or '~' or '|' or '<' or '>' or '#', $"'{ch}' in the answer to {Describe(input)}: {answer.Text}");
            Assert.False(char.IsControl(ch) && ch != '\n', $"U+{(int)ch:X4} in the answer to {Describe(input)}");
            Assert.False(char.GetUnicodeCategory(ch) is UnicodeCategory.Format or UnicodeCategory.Surrogate, $"U+{(int)ch:X4} in the answer to {Describe(input)}");
        }
    }

    private static string Describe(string input) =>
        string.Concat(input.Take(80).Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
