using ResultsBot.Domain.Commands;

namespace ResultsBot.Domain.Tests.Commands;

/// <summary>The command a "Full result" button runs, read from the post's subject: one answer for Discord and Slack.</summary>
public sealed class FullResultCommandTests
{
    [Theory]
    [InlineData("council/thurrock", "/council thurrock")]
    [InlineData("result/mayor/hackney", "/mayor hackney")]
    [InlineData("result/pcc/kent", "/pcc kent")]
    [InlineData("result/seat/s/aberdeen-central", "/seat aberdeen-central")]
    public void For_ResultsSubject_TheCommandGivingItsFullResult(string subject, string command) =>
        Assert.Equal(command, FullResultCommand.For(subject));

    [Theory]
    [InlineData("council/")]
    [InlineData("council/ ")]
    [InlineData("council/a/b")]
    [InlineData("milestone/half")]
    [InlineData("result/mayor/")]
    [InlineData("")]
    [InlineData(null)]
    public void For_AnythingElse_Nothing(string? subject) => Assert.Null(FullResultCommand.For(subject));
}
