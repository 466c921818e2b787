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
            Councillors elected: 94 (+6)
            Gained: Adur from Conservatives, Thurrock from no overall control
            Held: Sunderland
            Councillors are seats won tonight; +/- is the net change since the same seats were last fought, on the 3 of 5 councils that give it: a total for those councils, not a national change.
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
            Councillors elected: 39 (-7)
            Lost: Adur to Labour, Basildon to no overall control
            Councillors are seats won tonight; +/- is the net change since the same seats were last fought, on the 3 of 5 councils that give it: a total for those councils, not a national change.
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
            Councillors elected: 7 (+1)
            Councillors are seats won tonight; +/- is the net change since the same seats were last fought, on the 3 of 5 councils that give it: a total for those councils, not a national change.
            """,
            answer.Text);
    }

    [Fact]
    public void Answer_ChangesOnSomeCouncilsOnly_SaysHowFarTheyReachAsTheScoreboardDoes()
    {
        var hull = Declaration.Of("Kingston upon Hull").ByThirds().Control("LD", "LD")
            .Elected(("Lab", 10), ("LD", 9)).NewCouncil(("LD", 31), ("Lab", 26)).Changes(("Lab", 1), ("LD", -1)).Build();
        var bury = Declaration.Of("Bury").ByThirds().Control("Lab", "Lab")
            .Elected(("Lab", 12), ("C", 5)).NewCouncil(("Lab", 31), ("C", 20)).Build();

        var answer = _engine.Answer("/party Labour", Books.With(hull, bury));

        Assert.Equal(
            """
            Labour, 2 councils declared
            Councils: 1 (±0) — held 1, gained 0, lost 0
            Councillors elected: 22 (+1)
            Held: Bury
            Councillors are seats won tonight; +/- is the net change since the same seats were last fought, on the 1 of 2 councils that give it: a total for those councils, not a national change.
            """,
            answer.Text);
        Assert.Equal("Greens: no councils or councillors yet (2 councils declared).", _engine.Answer("/party greens", Books.With(hull, bury)).Text);
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
