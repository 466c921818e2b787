using ResultsBot.Discord.Posts;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Discord.Tests.Support;

namespace ResultsBot.Discord.Tests.Posts;

/// <summary>
/// Property: whatever the feed or a user writes, nothing in a Discord payload we build becomes a link, a
/// mention, a timestamp or formatting. Thousands of seeded posts and answers; a failure names its seed.
/// </summary>
public sealed class HostileTextPropertyTests
{
    private const int Cases = 2000;

    [Fact]
    public void Render_HostileFeedTextAnywhereInAPost_NothingInTheEmbedIsLive()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var post = HostilePost(random);

            var body = WireJson.Of(DiscordPostRenderer.Render(post));

            var live = DiscordMarkdownProbe.LiveMarkup(body);
            Assert.True(live.Count == 0, $"seed {seed}: {string.Join("; ", live)}");
        }
    }

    [Fact]
    public void Split_HostileAnswerText_EveryMessageIsInert()
    {
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var text = random.Next(4) == 0 ? HostileText.Long(random, 4500) : HostileText.Next(random);

            foreach (var message in DiscordMessageText.Split(text))
            {
                Assert.InRange(message.Length, 1, DiscordMessageText.MaxContent);
                AssertInert(message, seed);
            }
        }
    }

    [Theory]
    [InlineData("[OFFICIAL](http://evil.example)", "\\[OFFICIAL\\](http\\://evil.example)")]
    [InlineData("<@123> and <#456> at <t:1700000000:R>", "\\<@123\\> and \\<#456\\> at \\<t:1700000000:R\\>")]
    [InlineData("**Labour** _gain_ ~~Hull~~ `x` ||y||", "\\*\\*Labour\\*\\* \\_gain\\_ \\~\\~Hull\\~\\~ \\`x\\` \\|\\|y\\|\\|")]
    [InlineData("# Heading\n- item\n> quote\n1. first", "\\# Heading\n\\- item\n\\> quote\n1\\. first")]
    [InlineData("Hull \u202Eruoba\u202C L", "Hull ruoba L")]
    [InlineData("Labour gain Thurrock from Conservatives", "Labour gain Thurrock from Conservatives")]
    public void Escape_EachKindOfMarkup_ShowsAsTypedAndDoesNothing(string feed, string escaped)
    {
        Assert.Equal(escaped, DiscordMarkdown.Escape(feed));
    }

    private static Post HostilePost(Random random)
    {
        var sections = new List<PostSection>();
        for (var i = random.Next(0, 30); i > 0; i--)
        {
            var text = random.Next(10) == 0 ? HostileText.Long(random, 1500) : HostileText.Next(random);
            sections.Add(random.Next(2) == 0 ? PostSection.Plain(text) : new PostSection(HostileText.Next(random, 3), text));
        }

        return new Post(PostKind.Declaration, "council:1", HostileText.Next(random, 12), sections)
        {
            Footer = HostileText.Next(random, 4),
            Colour = "#E4003B",
        };
    }

    private static void AssertInert(string text, int seed)
    {
        var live = DiscordMarkdownProbe.LiveMarkup(text);
        Assert.True(live.Count == 0, $"seed {seed}: {string.Join("; ", live)} in:\n{text}");
    }
}
