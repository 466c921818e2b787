using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Scoreboards;

public class ScoreboardTests
{
    // Councillors are seats won at this election: Elected for Adur, Basildon and Sunderland, the
    // new council for all-out Bolton. Labour 10 + 26 + 8 + 20 = 64; Conservatives 3 + 10 + 5 + 2 = 20;
    // Independents 14 + 1 = 15; Liberal Democrats 4 + 3 = 7; Others 6; Greens 1.
    // Changes: Labour +4 +3 -1 = +6; Conservatives -4 -3 = -7; Liberal Democrats +1.
    private static readonly Scoreboard Board =
        Scoreboard.From(Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland));

    [Fact]
    public void From_Declarations_CountsCouncilsByWinner()
    {
        Assert.Equal(2, Standing("Lab").Councils);
        Assert.Equal(0, Standing("C").Councils);
        Assert.Equal(2, Board.NoOverallControl.Councils);
        Assert.Equal(4, Board.Declared);
        Assert.Null(Board.Expected);
    }

    [Fact]
    public void From_GainsAndLossesToNoOverallControl_MoveControlByOne()
    {
        // Adur: Labour +1, Conservatives -1. Basildon: no overall control +1, Conservatives -1.
        Assert.Equal(1, Standing("Lab").CouncilsChange);
        Assert.Equal(-2, Standing("C").CouncilsChange);
        Assert.Equal(1, Board.NoOverallControl.CouncilsChange);
        Assert.Equal(0, Standing("LD").CouncilsChange);
    }

    [Fact]
    public void From_GainFromNoOverallControl_TakesOneFromNoOverallControl()
    {
        var board = Scoreboard.From(Books.With(
            Declaration.Of("Thurrock").Control("Lab", "NOC").NewCouncil(("Lab", 30), ("C", 19)).Build()));

        Assert.Equal(1, board.Parties.Single(p => p.Party.Value == "Lab").CouncilsChange);
        Assert.Equal(-1, board.NoOverallControl.CouncilsChange);
        Assert.Equal(0, board.NoOverallControl.Councils);
    }

    [Fact]
    public void From_Declarations_CountsSeatsWonAtThisElection()
    {
        Assert.Equal(64, Standing("Lab").Councillors);
        Assert.Equal(20, Standing("C").Councillors);
        Assert.Equal(15, Standing("Ind").Councillors);
        Assert.Equal(7, Standing("LD").Councillors);
        Assert.Equal(6, Standing("Oth").Councillors);
        Assert.Equal(1, Standing("Grn").Councillors);
    }

    [Fact]
    public void From_Declarations_SumsSeatChanges()
    {
        Assert.Equal(6, Standing("Lab").CouncillorsChange);
        Assert.Equal(-7, Standing("C").CouncillorsChange);
        Assert.Equal(1, Standing("LD").CouncillorsChange);
        Assert.Equal(0, Standing("Ind").CouncillorsChange);
    }

    [Fact]
    public void From_Declarations_OrdersByCouncilsThenCouncillors()
    {
        Assert.Equal(["Lab", "C", "Ind", "LD", "Oth", "Green", "Reform"], Board.Parties.Select(p => p.Party.Value));
    }

    [Fact]
    public void From_CorrectedDeclaration_CountsOnlyTheLatestRevision()
    {
        var first = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31), ("C", 20)).Changes(("Lab", 2), ("C", -2)).Build();
        var corrected = Declaration.Of("Bury").Revision(2).Control("C", "Lab").NewCouncil(("C", 26), ("Lab", 25)).Changes(("C", 4), ("Lab", -4)).Build();

        var board = Scoreboard.From(Books.With(first, corrected));

        Assert.Equal(1, board.Declared);
        Assert.Equal(
            [new PartyStanding(new PartyCode("C"), 1, 1, 26, 4), new PartyStanding(new PartyCode("Lab"), 0, -1, 25, -4)],
            board.Parties.Where(p => !p.IsNothingYet));
    }

    [Fact]
    public void From_CountsHowFarTheChangesReach()
    {
        var notional = Declaration.Of("Bolton").OnNewBoundaries().NewCouncil(("Lab", 26), ("C", 24)).Changes(("Lab", 3), ("C", -3)).Build();
        var partial = Declaration.Of("Hull").ByThirds().Control("LD", "LD")
            .Elected(("Lab", 10), ("LD", 9)).NewCouncil(("LD", 31), ("Lab", 26)).Changes(("Lab", 1)).PartialChanges().Build();
        var none = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build();
        var noSeatsWon = Declaration.Of("Wigan").ByThirds().Control("Lab", "Lab").NewCouncil(("Lab", 60), ("C", 15)).Build();

        var board = Scoreboard.From(Books.With(notional, partial, none, noSeatsWon));

        Assert.Equal(new ChangeCoverage(2, 1, 1, AnyNotional: true), board.Coverage);
        Assert.Equal((26 + 10 + 31, 4), (board.StandingOf(new PartyCode("Lab")).Councillors, board.StandingOf(new PartyCode("Lab")).CouncillorsChange));
    }

    [Fact]
    public void From_CallThatTheFiguresContradict_CountsWhatTheFiguresShow()
    {
        var swindon = Declaration.Of("Swindon").Control("C", "C").NewCouncil(("C", 25), ("Lab", 24), ("LD", 8)).Build();

        var board = Scoreboard.From(Books.With(swindon));

        Assert.Equal((0, -1), (board.StandingOf(new PartyCode("C")).Councils, board.StandingOf(new PartyCode("C")).CouncilsChange));
        Assert.Equal((1, 1), (board.NoOverallControl.Councils, board.NoOverallControl.CouncilsChange));
    }

    [Fact]
    public void From_SamePartyInTwoSpellings_CountsOneParty()
    {
        var upper = Declaration.Of("Adur").Control("LAB", "C").NewCouncil(("LAB", 20), ("C", 9)).Build();
        var lower = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 40), ("Con", 11)).Build();

        var board = Scoreboard.From(Books.With(upper, lower));

        Assert.Equal(["Lab", "C"], board.Parties.Where(p => !p.IsNothingYet).Select(p => p.Party.Value));
        Assert.Equal((2, 1, 60), (board.Parties[0].Councils, board.Parties[0].CouncilsChange, board.Parties[0].Councillors));
    }

    private static PartyStanding Standing(string party) => Board.Parties.Single(p => p.Party == new PartyCode(party));
}
