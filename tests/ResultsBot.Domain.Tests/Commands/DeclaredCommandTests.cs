using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class DeclaredCommandTests
{
    private readonly CommandEngine _engine = new(Culture.EnGb);

    [Fact]
    public void Answer_Night_EveryCouncilInOrderWithItsCall()
    {
        var book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland).ExpectCouncils(["Wigan", "Bury"]);

        var answer = _engine.Answer("/declared", book);

        Assert.True(answer.Ok);
        Assert.Equal(
            """
            4 of 6 councils declared. Labour 2, no overall control 2.
            4. Labour hold Sunderland
            3. Conservatives lose Basildon to no overall control
            2. Bolton stays under no overall control
            1. Labour gain Adur from Conservatives
            """,
            answer.Text);
    }

    [Fact]
    public void Answer_OneDeclaredNoneExpected_SaysCouncil()
    {
        var answer = _engine.Answer("/declared", Books.With(Night.Sunderland));

        Assert.Equal("1 council declared. Labour 1.\n1. Labour hold Sunderland", answer.Text);
    }

    [Fact]
    public void Answer_NothingDeclared_SaysSoWithHowManyAreExpected()
    {
        Assert.Equal("No council has declared yet.", _engine.Answer("/declared", ResultsBook.Empty).Text);
        Assert.Equal(
            "No council has declared yet; 2 are expected.",
            _engine.Answer("/declared", ResultsBook.Empty.ExpectCouncils(["Wigan", "Bury"])).Text);
    }

    [Fact]
    public void Answer_ManyDeclared_LeadsWithCountsAndTheLatestTenAndAllGivesEveryOne()
    {
        var councils = Enumerable.Range(1, 30).Select(i => Declaration.Of($"Council {i}").Control(i % 3 == 0 ? "C" : "Lab", "Lab").NewCouncil((i % 3 == 0 ? "C" : "Lab", 30), ("Ind", 10)).Build()).ToArray();
        var book = Books.With(councils);

        var latest = _engine.Answer("/declared", book).Text.Split('\n');
        var all = _engine.Answer("/declared all", book).Text.Split('\n');

        Assert.Equal("30 councils declared. Labour 20, Conservatives 10.", latest[0]);
        Assert.Equal("The latest 10, newest first (/declared all for every one):", latest[1]);
        Assert.Equal(["30. Conservatives gain Council 30 from Labour", "29. Labour hold Council 29"], latest[2..4]);
        Assert.Equal(12, latest.Length);
        Assert.Equal(31, all.Length);
        Assert.Equal("1. Labour hold Council 1", all[1]);
    }

    [Fact]
    public void Answer_Party_ListsOnlyTheCouncilsItHolds()
    {
        var book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland);

        var answer = _engine.Answer("/declared Labour", book);

        Assert.Equal(
            """
            4 councils declared. Labour 2, no overall control 2.
            2 councils held by Labour:
            1. Labour gain Adur from Conservatives
            4. Labour hold Sunderland
            """,
            answer.Text);
    }

    [Fact]
    public void Answer_NeitherPartyNorPlace_SaysWhatItTakes()
    {
        var answer = _engine.Answer("/declared Narnia", Books.With(Night.Adur));

        Assert.False(answer.Ok);
        Assert.Equal("I don't know \"Narnia\" as a party or a region. Try /declared Labour, /declared London or /declared all.", answer.Text);
    }
}
