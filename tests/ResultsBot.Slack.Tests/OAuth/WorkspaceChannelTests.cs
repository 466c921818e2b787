using ResultsBot.Slack.OAuth;

namespace ResultsBot.Slack.Tests.OAuth;

public sealed class WorkspaceChannelTests
{
    [Theory]
    [InlineData("T0123ABCD-C0123ABCD", "T0123ABCD", "C0123ABCD")]
    [InlineData("E1-G2", "E1", "G2")]
    public void TryParse_TeamDashChannel_BothParts(string text, string team, string channel)
    {
        Assert.True(WorkspaceChannel.TryParse(text, out var parsed));
        Assert.Equal(new WorkspaceChannel(team, channel), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("C0123ABCD")]
    [InlineData("-C0123ABCD")]
    [InlineData("T0123ABCD-")]
    [InlineData("T1-C2-C3")]
    [InlineData(null)]
    public void TryParse_NotTeamDashChannel_False(string? text) => Assert.False(WorkspaceChannel.TryParse(text, out _));
}
