using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class PartyCommandTests
{
    private readonly CommandEngine _engine = new(Culture.EnGb);

    // Adur (Lab gain from C), Bolton (NOC), Basildon (C lose to NOC), Sunderland (Lab hold), Thurrock (Lab gain from NOC).
    private readonly ResultsBook _book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland, GainsCommandTests.Thurrock)
        .ExpectCouncils(["Wigan"]);

    [Fact]
    public void Answer_Labour_CouncilsHeldGainedAndLostWithCouncillors()
    {
        var answer = _engine.Answer("/party Labour", _book);

        // Councillors: 10 + 26 + 8 + 20 won where seats were up, 30 in all-out Thurrock; changes +4 +3 -1.
        Assert.True(answer.Ok);
        Assert.Equal(
            """
            Labour, 5 of 6 councils declared
            Councils: 3 (+2) — held 1, gained 2, lost 0
            Councillors: 94 (+6)
            Gained: Adur from Conservatives, Thurrock from no overall control
            Held: Sunderland
            """,
            answer.Text);
    }

    [Fact]
    public void Answer_Conservatives_ListsLossesToPartiesAndToNoOverallControl()
    {
        var answer = _engine.Answer("/party tories", _book);

        Assert.Equal(
            """
            Conservatives, 5 of 6 councils declared
            Councils: 0 (-2) — held 0, gained 0, lost 2
            Councillors: 39 (-7)
            Lost: Adur to Labour, Basildon to no overall control
            """,
            answer.Text);
    }

    [Fact]
    public void Answer_PartyWithCouncillorsButNoCouncils_GivesItsCouncillors()
    {
        var answer = _engine.Answer("/party lib dems", _book);

        Assert.Equal(
            """
            Liberal Democrats, 5 of 6 councils declared
            Councils: 0 (±0) — held 0, gained 0, lost 0
            Councillors: 7 (+1)
            """,
            answer.Text);
    }

    [Fact]
    public void Answer_ChangesAgainstTheCouncilBeforeThePoll_SaysSoAsTheScoreboardDoes()
    {
        var hull = Declaration.Of("Kingston upon Hull").ByThirds().Control("LD", "LD").AgainstCouncilBeforePoll()
            .Elected(("Lab", 10), ("LD", 9)).NewCouncil(("LD", 31), ("Lab", 26)).Changes(("Lab", 1), ("LD", -1)).Build();

        var answer = _engine.Answer("/party Labour", Books.With(hull));

        Assert.Equal(
            """
            Labour, 1 council declared
            Councils: 0 (±0) — held 0, gained 0, lost 0
            Councillors: 10 (+1)
            Councillor changes in this feed are against each council before the poll.
            """,
            answer.Text);
        Assert.Equal("Greens: no councils or councillors yet (1 council declared).", _engine.Answer("/party greens", Books.With(hull)).Text);
    }

    [Fact]
    public void Answer_PartyNotInTheFeedYet_SaysItHasNothingYet()
    {
        var answer = _engine.Answer("/party Plaid", _book);

        Assert.True(answer.Ok);
        Assert.Equal("Plaid Cymru: no councils or councillors yet (5 of 6 councils declared).", answer.Text);
    }

    [Fact]
    public void Answer_WithoutAName_AsksWhichParty()
    {
        var answer = _engine.Answer("/party", _book);

        Assert.False(answer.Ok);
        Assert.Equal("Which party? For example: /party Labour", answer.Text);
    }

    [Fact]
    public void Answer_UnknownParty_SuggestsHowToAsk()
    {
        var answer = _engine.Answer("/party Pirates", _book);

        Assert.False(answer.Ok);
        Assert.Equal("I don't know a party called \"Pirates\". Try /party Labour, /party Tories or /party Lib Dems.", answer.Text);
    }

    [Fact]
    public void Answer_MisspeltParty_AsksDidYouMean()
    {
        var answer = _engine.Answer("/party Labuor", _book);

        Assert.False(answer.Ok);
        Assert.Equal("I don't know a party called \"Labuor\". Did you mean Labour?", answer.Text);
    }

    [Fact]
    public void Answer_AmbiguousParty_AsksWhichOne()
    {
        var answer = _engine.Answer("/party re", _book);

        Assert.False(answer.Ok);
        Assert.Equal("Which one? Reform UK or Residents", answer.Text);
    }
}
