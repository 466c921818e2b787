using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class ScoreboardTextTests
{
    [Fact]
    public void Format_NothingDeclared_SaysSo()
    {
        var text = ScoreboardText.Format(Scoreboard.From(ResultsBook.Empty), Culture.EnGb);

        Assert.Equal("Scoreboard: 0 councils declared. Nothing to count yet.", text);
    }

    [Fact]
    public void Format_NothingDeclaredOfAKnownNumber_SaysHowMany()
    {
        var book = ResultsBook.Empty.ExpectCouncils(["Adur", "Bolton", "Bury"]);

        var text = ScoreboardText.Format(Scoreboard.From(book), Culture.EnGb);

        Assert.Equal("Scoreboard: 0 of 3 councils declared. Nothing to count yet.", text);
    }

    [Fact]
    public void Format_Night_AlignedTableBiggestFirstThenNoOverallControl()
    {
        var book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland)
            .ExpectCouncils(Enumerable.Range(1, 103).Select(i => $"Council {i}"));

        var text = ScoreboardText.Format(Scoreboard.From(book), Culture.EnGb);

        Assert.Equal(
            """
            Scoreboard: 4 of 107 councils declared
            Party               Councils  +/-  Councillors  +/-
            Labour                     2   +1           64   +6
            Conservatives              0   -2           20   -7
            Independents               0   ±0           15   ±0
            Liberal Democrats          0   ±0            7   +1
            Others                     0   ±0            6   ±0
            Greens                     0   ±0            1   ±0
            Reform UK                  0   ±0            0   ±0
            No overall control         2   +1
            Councillors are seats won tonight; +/- is the net change since the same seats were last fought, on the 3 of 4 councils that give it: a total for those councils, not a national change.
            """,
            text);
    }

    [Fact]
    public void Format_ChangesOnSomeCouncilsOnly_SaysHowFarTheyReach()
    {
        var notional = Declaration.Of("Bolton").OnNewBoundaries().NewCouncil(("Lab", 26), ("C", 24), ("LD", 10)).Changes(("Lab", 3), ("C", -3)).Build();
        var unknown = Declaration.Of("Kingston upon Hull").ByThirds().Control("LD", "LD")
            .Elected(("Lab", 10), ("LD", 9)).NewCouncil(("LD", 31), ("Lab", 26)).Build();

        var text = ScoreboardText.Format(Scoreboard.From(Books.With(notional, unknown)), Culture.EnGb);

        Assert.Equal(
            """
            Scoreboard: 2 councils declared
            Party               Councils  +/-  Councillors  +/-
            Liberal Democrats          1   ±0           19   ±0
            Labour                     0   ±0           36   +3
            Conservatives              0   ±0           24   -3
            Greens                     0   ±0            0   ±0
            Independents               0   ±0            0   ±0
            Reform UK                  0   ±0            0   ±0
            No overall control         1   ±0
            Councillors are seats won tonight; +/- is the net change since the same seats were last fought (notional results on new boundaries), on the 1 of 2 councils that give it: a total for those councils, not a national change.
            """,
            text);
    }

    [Fact]
    public void Format_NoCouncilGivesChanges_LeavesTheColumnOutAndSaysWhy()
    {
        var hull = Declaration.Of("Kingston upon Hull").ByThirds().Control("LD", "LD")
            .Elected(("Lab", 10), ("LD", 9)).NewCouncil(("LD", 31), ("Lab", 26)).Build();
        var thirdWithoutSeatsWon = Declaration.Of("Bolton").ByThirds().NewCouncil(("Lab", 26), ("C", 24), ("LD", 10)).Build();

        var text = ScoreboardText.Format(Scoreboard.From(Books.With(hull, thirdWithoutSeatsWon)), Culture.EnGb);

        Assert.Equal(
            """
            Scoreboard: 2 councils declared
            Party               Councils  +/-  Councillors
            Liberal Democrats          1   ±0            9
            Labour                     0   ±0           10
            Conservatives              0   ±0            0
            Greens                     0   ±0            0
            Independents               0   ±0            0
            Reform UK                  0   ±0            0
            No overall control         1   ±0
            Councillors are seats won tonight. No result so far gives a like-for-like change, so none is shown.
            Councillors leave out 1 council whose seats won were not given.
            """,
            text);
    }

    [Fact]
    public void Format_OneCouncilAndNoneExpected_SaysCouncilNotCouncils()
    {
        var adur = Declaration.Of("Adur").Control("Lab", "Lab").NewCouncil(("Lab", 28), ("Grn", 1)).Build();

        var text = ScoreboardText.Format(Scoreboard.From(Books.With(adur)), Culture.EnGb);

        Assert.StartsWith("Scoreboard: 1 council declared\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ThousandsOfCouncillors_GroupsDigitsAndWidensTheColumn()
    {
        var big = Declaration.Of("Everywhere").Control("Lab", "C").NewCouncil(("Lab", 1158), ("C", 900)).Changes(("Lab", 1158), ("C", -1158)).Build();

        var text = ScoreboardText.Format(Scoreboard.From(Books.With(big)), Culture.EnGb);

        Assert.Equal(
            """
            Scoreboard: 1 council declared
            Party               Councils  +/-  Councillors     +/-
            Labour                     1   +1        1,158  +1,158
            Conservatives              0   -1          900  -1,158
            Greens                     0   ±0            0      ±0
            Independents               0   ±0            0      ±0
            Liberal Democrats          0   ±0            0      ±0
            Reform UK                  0   ±0            0      ±0
            No overall control         0   ±0
            Councillors are seats won tonight; +/- is the net change since the same seats were last fought.
            """,
            text);
    }

    [Fact]
    public void Format_FeedCarriesPaStateOfParties_ShowsPasFiguresBesideOurs()
    {
        var state = new Messages.StateOfParties(34, "All", 34, 136,
        [
            new(new Domain.Parties.PartyCode("C"), "Conservative", 2, -2, 181, -38),
            new(new Domain.Parties.PartyCode("Lab"), "Labour", 13, -5, 468, -130),
            new(new Domain.Parties.PartyCode("NOC"), "No Overall Control", 11, 3, 0, 0),
        ],
        []);
        var adur = Declaration.Of("Adur").Control("Lab", "Lab").NewCouncil(("Lab", 20), ("C", 9)).Build();

        var text = ScoreboardText.Format(Scoreboard.From(Books.With(state, adur)), Culture.EnGb);

        Assert.EndsWith(
            """
            PA's own state of the parties counts 34 of 136 results, more than the 1 above; its figures (seats won and net change):
            Party               Councils  +/-  Seats   +/-
            Labour                    13   -5    468  -130
            Conservatives              2   -2    181   -38
            No overall control        11   +3
            """,
            text);
        Assert.StartsWith("Scoreboard: 1 of 136 councils declared", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ByNation_NightAcrossEnglandScotlandAndWales_GivesEachNationItsLineAndItsOwnBoard()
    {
        var leeds = Declaration.Of("Leeds").ByThirds().Control("Lab", "Lab").Elected(("Lab", 20), ("C", 3)).NewCouncil(("Lab", 60), ("C", 20), ("LD", 19)).Changes(("Lab", 2), ("C", -2)).Build();
        var glasgow = Declaration.Of("Glasgow City").Control("NOC", "NOC").NewCouncil(("SNP", 37), ("Lab", 36), ("Green", 10), ("C", 2)).Changes(("SNP", -2), ("Lab", 5), ("C", -3)).Build();
        var cardiff = Declaration.Of("Cardiff").Control("Lab", "Lab").NewCouncil(("Lab", 55), ("LD", 10), ("C", 11), ("PC", 3)).Changes(("Lab", 15), ("C", -9), ("LD", -6)).Build();
        var book = Books.With(leeds, glasgow, cardiff).ExpectCouncils(["Leeds", "Glasgow City", "Cardiff", "Fife", "Swansea"]);
        var engine = new CommandEngine(Culture.EnGb);

        var full = engine.Answer("/scoreboard", book).Text;
        var wales = engine.Answer("/scoreboard wales", book).Text;

        Assert.Contains(
            """
            By nation:
            England, 1 of 1 councils declared: Labour 1 council, 20 councillors (+2); Conservatives 0 councils, 3 councillors (-2).
            Scotland, 1 of 2 councils declared: SNP 0 councils, 37 councillors (-2); Labour 0 councils, 36 councillors (+5); Greens 0 councils, 10 councillors (±0); Conservatives 0 councils, 2 councillors (-3); no overall control 1.
            Wales, 1 of 2 councils declared: Labour 1 council, 55 councillors (+15); Conservatives 0 councils, 11 councillors (-9); Liberal Democrats 0 councils, 10 councillors (-6); Plaid Cymru 0 councils, 3 councillors (±0).
            /scoreboard Wales (or any nation or region) gives the full table for it.
            """.ReplaceLineEndings("\n").TrimEnd(),
            full,
            StringComparison.Ordinal);
        Assert.StartsWith("Scoreboard, Wales: 1 of 2 councils declared\n", wales, StringComparison.Ordinal);
        Assert.Contains("Labour                     1   ±0           55  +15", wales, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_PaStateCountingNoMoreThanOurs_IsLeftOutSoThereAreNeverTwoBoards()
    {
        var state = new Messages.StateOfParties(1, "All", 1, 136, [new(new Domain.Parties.PartyCode("Lab"), "Labour", 1, 0, 20, 2)], []);
        var adur = Declaration.Of("Adur").Control("Lab", "Lab").NewCouncil(("Lab", 20), ("C", 9)).Build();

        var text = ScoreboardText.Format(Scoreboard.From(Books.With(state, adur)), Culture.EnGb);

        Assert.DoesNotContain("PA", text, StringComparison.Ordinal);
    }
}
