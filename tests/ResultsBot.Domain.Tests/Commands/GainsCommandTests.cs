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
            3 changes of control, newest first:
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

        Assert.Equal("1 change of control:\nLabour gain Adur from Conservatives", answer.Text);
    }

    [Fact]
    public void Answer_OnlyHoldsAndNoChange_SaysNoCouncilHasChangedHands()
    {
        var answer = _engine.Answer("/gains", Books.With(Night.Sunderland, Night.Bolton));

        Assert.True(answer.Ok);
        Assert.Equal("Nothing has changed hands yet.", answer.Text);
    }

    [Fact]
    public void Answer_CorrectionTurnsAGainIntoAHold_ListsTheCorrectedCall()
    {
        var gain = Declaration.Of("Bury").Control("C", "Lab").NewCouncil(("C", 26), ("Lab", 25)).Build();
        var hold = Declaration.Of("Bury").Revision(2).Control("Lab", "Lab").NewCouncil(("Lab", 26), ("C", 25)).Build();

        var answer = _engine.Answer("/gains", Books.With(gain, Night.Adur, hold));

        Assert.Equal("1 change of control:\nLabour gain Adur from Conservatives", answer.Text);
    }

    [Fact]
    public void Answer_Party_ListsOnlyTheChangesItGainedOrLost()
    {
        var book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland, Thurrock);

        var labour = new CommandEngine(Culture.EnGb).Answer("/gains Labour", book).Text;
        var tories = new CommandEngine(Culture.EnGb).Answer("/gains tories", book).Text;

        Assert.Equal("2 changes of control involving Labour, newest first:\nLabour gain Thurrock from no overall control\nLabour gain Adur from Conservatives", labour);
        Assert.Equal("2 changes of control involving Conservatives, newest first:\nConservatives lose Basildon to no overall control\nLabour gain Adur from Conservatives", tories);
    }

    [Fact]
    public void Answer_ManyChanges_GivesTheLatestTenUnlessAskedForAll()
    {
        var councils = Enumerable.Range(1, 14).Select(i => Declaration.Of($"Council {i}").Control("Lab", "C").NewCouncil(("Lab", 30), ("C", 10)).Build()).ToArray();
        var engine = new CommandEngine(Culture.EnGb);

        var latest = engine.Answer("/gains", Books.With(councils)).Text.Split('\n');
        var all = engine.Answer("/gains all", Books.With(councils)).Text.Split('\n');

        Assert.Equal("14 changes of control, newest first:", latest[0]);
        Assert.Equal("Labour gain Council 14 from Conservatives", latest[1]);
        Assert.Equal("(the latest 10: /gains all for every one)", latest[^1]);
        Assert.Equal(12, latest.Length);
        Assert.Equal(15, all.Length);
    }
}
