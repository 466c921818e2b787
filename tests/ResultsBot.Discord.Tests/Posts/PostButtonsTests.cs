using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Posts;

public sealed class PostButtonsTests
{
    [Fact]
    public void Render_CouncilDeclaration_HasAFullResultButtonNamingTheDeclarationsKey()
    {
        var post = SamplePosts.Declaration() with { Subject = "council/basingstoke and deane" };

        var body = WireJson.Of(DiscordPostRenderer.Render(post, "ref 12"));

        var button = Assert.Single(FakeDiscordButtons.Of(body["components"]));
        Assert.Equal(("Full result", "full:council/basingstoke and deane", false), button);
        Assert.Null(DiscordComponentRules.Check(body["components"]));
        Assert.Empty(DiscordMessageSchema.ValidateCreate(body));
    }

    [Fact]
    public void Render_CorrectionOfACouncil_KeepsTheButton()
    {
        var post = SamplePosts.Correction() with { Subject = "council/rushmoor" };

        Assert.Equal("full:council/rushmoor", Assert.Single(FakeDiscordButtons.Of(WireJson.Of(DiscordPostRenderer.Render(post))["components"])).CustomId);
    }

    [Theory]
    [InlineData("result/mayor/west midlands")]
    [InlineData("result/pcc/kent")]
    [InlineData("result/seat/s/aberdeen central")]
    public void Render_CandidateResult_HasTheButtonToo(string subject)
    {
        var post = SamplePosts.Declaration() with { Subject = subject };

        Assert.Equal("full:" + subject, Assert.Single(FakeDiscordButtons.Of(WireJson.Of(DiscordPostRenderer.Render(post))["components"])).CustomId);
    }

    [Theory]
    [InlineData(PostKind.Milestone, "milestone/half")]
    [InlineData(PostKind.Digest, "digest/1")]
    [InlineData(PostKind.Announcement, "share/national")]
    [InlineData(PostKind.Declaration, "rush/mayor/hackney")]
    [InlineData(PostKind.Declaration, "ward/sheffield/ecclesall")]
    [InlineData(PostKind.Declaration, "council/")]
    public void Render_PostWithoutAFullResultCommand_HasNoButtons(PostKind kind, string subject)
    {
        var post = new Post(kind, subject, "Half of councils declared", ["54 of 107 declared"]);

        Assert.False(WireJson.Of(DiscordPostRenderer.Render(post)).ContainsKey("components"));
    }

    [Fact]
    public void Render_KeyTooLongForACustomId_LeavesTheButtonOut()
    {
        var post = SamplePosts.Declaration() with { Subject = "council/" + new string('x', 90) };

        Assert.False(WireJson.Of(DiscordPostRenderer.Render(post)).ContainsKey("components"));
    }
}
