using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class GainsCommandTests
{
    /// <summary>Labour gain from no overall control, all out.</summary>
    internal static readonly CouncilDeclaration Thurrock = Declaration.Of("Thurrock")
        .Control("Lab", "NOC")
        .NewCouncil(("Lab", 30), ("C", 19))
        .Build();

    private readonly CommandEngine _engine = new(Culture.EnGb);

    [Fact]
    public void Answer_Night_EveryChangeOfControlNewestFirst()
    {
        var book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland, Thurrock);

        var answer = _engine.Answer("/gains", book);

        Assert.True(answer.Ok);
        Assert.Equal(
            """
            3 councils have changed hands, newest first:
            Labour gain Thurrock from no overall control
            Conservatives lose Basildon to no overall control
            Labour gain Adur from Conservatives
            """,
            answer.Text);
    }

    [Fact]
    public void Answer_OneChange_SaysCouncilHas()
    {
        var answer = _engine.Answer("/gains", Books.With(Night.Sunderland, Night.Adur));

        Assert.Equal("1 council has changed hands:\nLabour gain Adur from Conservatives", answer.Text);
    }

    [Fact]
    public void Answer_OnlyHoldsAndNoChange_SaysNoCouncilHasChangedHands()
    {
        var answer = _engine.Answer("/gains", Books.With(Night.Sunderland, Night.Bolton));

        Assert.True(answer.Ok);
        Assert.Equal("No council has changed hands yet.", answer.Text);
    }

    [Fact]
    public void Answer_CorrectionTurnsAGainIntoAHold_ListsTheCorrectedCall()
    {
        var gain = Declaration.Of("Bury").Control("C", "Lab").NewCouncil(("C", 26), ("Lab", 25)).Build();
        var hold = Declaration.Of("Bury").Revision(2).Control("Lab", "Lab").NewCouncil(("Lab", 26), ("C", 25)).Build();

        var answer = _engine.Answer("/gains", Books.With(gain, Night.Adur, hold));

        Assert.Equal("1 council has changed hands:\nLabour gain Adur from Conservatives", answer.Text);
    }
}
