using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Posts;

public sealed class PostButtonsTests
{
    [Fact]
    public void Render_CouncilDeclaration_HasAFullResultButtonNamingTheCouncilByItsKey()
    {
        var post = SamplePosts.Declaration("Basingstoke & Deane") with { Topic = Topic("basingstoke and deane", "council") };

        var body = WireJson.Of(DiscordPostRenderer.Render(post, "ref 12"));

        var button = Assert.Single(FakeDiscordButtons.Of(body["components"]));
        Assert.Equal(("Full result", "full:council:basingstoke and deane", false), button);
        Assert.Null(DiscordComponentRules.Check(body["components"]));
        Assert.Empty(DiscordMessageSchema.ValidateCreate(body));
    }

    [Theory]
    [InlineData("mayor", "full:mayor:west midlands")]
    [InlineData("pcc", "full:pcc:west midlands")]
    [InlineData("parliament", "full:seat:west midlands")]
    public void Render_CandidateResult_ButtonAsksTheCommandForThatKindOfContest(string type, string expected)
    {
        var post = SamplePosts.Declaration() with { Topic = Topic("west midlands", type) };

        Assert.Equal(expected, Assert.Single(FakeDiscordButtons.Of(WireJson.Of(DiscordPostRenderer.Render(post))["components"])).CustomId);
    }

    [Fact]
    public void Render_CorrectionOfACouncil_KeepsTheButton()
    {
        var post = SamplePosts.Correction() with { Topic = Topic("rushmoor", "council") };

        Assert.Equal("full:council:rushmoor", Assert.Single(FakeDiscordButtons.Of(WireJson.Of(DiscordPostRenderer.Render(post))["components"])).CustomId);
    }

    [Theory]
    [InlineData(PostKind.Milestone)]
    [InlineData(PostKind.Digest)]
    [InlineData(PostKind.Announcement)]
    public void Render_NightWidePost_HasNoButtons(PostKind kind)
    {
        var post = new Post(kind, "night", "Half of councils declared", ["54 of 107 declared"]);

        Assert.False(WireJson.Of(DiscordPostRenderer.Render(post)).ContainsKey("components"));
    }

    [Theory]
    [InlineData("ward")]
    [InlineData("referendum")]
    public void Render_ResultWithoutAFullResultCommand_HasNoButtons(string type)
    {
        var post = SamplePosts.Declaration() with { Topic = Topic("ecclesall (sheffield)", type) };

        Assert.False(WireJson.Of(DiscordPostRenderer.Render(post)).ContainsKey("components"));
    }

    [Fact]
    public void Render_KeyTooLongForACustomId_LeavesTheButtonOut()
    {
        var post = SamplePosts.Declaration() with { Topic = Topic(new string('x', 90), "council") };

        Assert.False(WireJson.Of(DiscordPostRenderer.Render(post)).ContainsKey("components"));
    }

    private static PostTopic Topic(string key, string type) => new(key, key, type, new HashSet<string>(), false);
}
