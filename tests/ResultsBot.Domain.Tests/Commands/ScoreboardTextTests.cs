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
    public void Format_Night_OnePartyALineBiggestFirst()
    {
        var book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland)
            .ExpectCouncils(Enumerable.Range(1, 103).Select(i => $"Council {i}"));

        var text = ScoreboardText.Format(Scoreboard.From(book), Culture.EnGb);

        Assert.Equal(
            """
            Scoreboard: 4 of 107 councils declared
            Labour: 2 councils (+1), 64 councillors (+6)
            Conservatives: 0 councils (-2), 20 councillors (-7)
            Independents: 0 councils (±0), 15 councillors (±0)
            Liberal Democrats: 0 councils (±0), 7 councillors (+1)
            Others: 0 councils (±0), 6 councillors (±0)
            Greens: 0 councils (±0), 1 councillor (±0)
            No overall control: 2 councils (+1)
            """,
            text);
    }

    [Fact]
    public void Format_ChangesOnOtherBases_AddsFootnotes()
    {
        var notional = Declaration.Of("Bolton").OnNewBoundaries().NewCouncil(("Lab", 26), ("C", 24)).Changes(("Lab", 3), ("C", -3)).Build();
        var beforePoll = Declaration.Of("Kingston upon Hull").ByThirds().Control("LD", "LD").AgainstCouncilBeforePoll()
            .Elected(("Lab", 10), ("LD", 9)).NewCouncil(("LD", 31), ("Lab", 26)).Changes(("Lab", 1), ("LD", -1)).Build();

        var text = ScoreboardText.Format(Scoreboard.From(Books.With(notional, beforePoll)), Culture.EnGb);

        Assert.Equal(
            """
            Scoreboard: 2 councils declared
            Liberal Democrats: 1 council (±0), 9 councillors (-1)
            Labour: 0 councils (±0), 36 councillors (+4)
            Conservatives: 0 councils (±0), 24 councillors (-3)
            No overall control: 1 council (±0)
            Councillor changes in this feed are against each council before the poll.
            Where boundaries changed, councillor changes are against notional results.
            """,
            text);
    }

    [Fact]
    public void Format_PartyWithOneCouncillor_SaysCouncillor()
    {
        var adur = Declaration.Of("Adur").Control("Lab", "Lab").NewCouncil(("Lab", 28), ("Grn", 1)).Build();

        var text = ScoreboardText.Format(Scoreboard.From(Books.With(adur)), Culture.EnGb);

        Assert.Contains("Greens: 0 councils (±0), 1 councillor (±0)", text.Split('\n'));
    }

    [Fact]
    public void Format_ThousandsOfCouncillors_GroupsDigits()
    {
        var big = Declaration.Of("Everywhere").Control("Lab", "C").NewCouncil(("Lab", 1158), ("C", 900)).Changes(("Lab", 1158), ("C", -1158)).Build();

        var text = ScoreboardText.Format(Scoreboard.From(Books.With(big)), Culture.EnGb);

        Assert.Contains("Labour: 1 council (+1), 1,158 councillors (+1,158)", text, StringComparison.Ordinal);
    }
}
