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
            4 of 6 councils declared:
            1. Labour gain Adur from Conservatives
            2. Bolton stays under no overall control
            3. Conservatives lose Basildon to no overall control
            4. Labour hold Sunderland
            """,
            answer.Text);
    }

    [Fact]
    public void Answer_OneDeclaredNoneExpected_SaysCouncil()
    {
        var answer = _engine.Answer("/declared", Books.With(Night.Sunderland));

        Assert.Equal("1 council declared:\n1. Labour hold Sunderland", answer.Text);
    }

    [Fact]
    public void Answer_NothingDeclared_SaysSoWithHowManyAreExpected()
    {
        Assert.Equal("No council has declared yet.", _engine.Answer("/declared", ResultsBook.Empty).Text);
        Assert.Equal(
            "No council has declared yet; 2 are expected.",
            _engine.Answer("/declared", ResultsBook.Empty.ExpectCouncils(["Wigan", "Bury"])).Text);
    }
}
