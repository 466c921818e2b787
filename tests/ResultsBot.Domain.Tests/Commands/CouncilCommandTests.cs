using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class CouncilCommandTests
{
    // As PA's test feed has them (Local_Test_nominations_Harlow.xml).
    private static readonly CouncilNominations Harlow = Nominations.For("Harlow", "4784", Proportion.Third, ("C", 17, 6), ("Lab", 15, 5), ("Reform", 1, 0));

    private static readonly CouncilDeclaration Bolton = Declaration.Of("Bolton").PaId("4735").ByThirds()
        .Control("NOC", "NOC")
        .Elected(("Lab", 6), ("Ind", 6), ("LD", 4), ("C", 3), ("Green", 1))
        .NewCouncil(("Lab", 24), ("Ind", 15), ("C", 11), ("LD", 8), ("Green", 2))
        .Build();

    private static readonly CouncilDeclaration Adur = Declaration.Of("Adur").Control("Lab", "C").NewCouncil(("Lab", 17), ("C", 12)).Build();

    private readonly CommandEngine _engine = new(Culture.EnGb);
    private readonly ResultsBook _book = Books.With(Harlow, Bolton, Adur);

    [Fact]
    public void Answer_NominatedNotDeclared_SaysWhatIsUpAndWhoHoldsIt()
    {
        var answer = _engine.Answer("/council harlow", _book);

        Assert.True(answer.Ok);
        Assert.Equal(
            "Harlow has not declared yet. 11 of 33 seats are up. Before the poll: Conservatives 17, Labour 15, Reform UK 1 (Conservative control).",
            answer.Text);
    }

    [Fact]
    public void Answer_NominatedNoPartyHoldingMoreThanHalf_SaysNoOverallControl()
    {
        var book = Books.With(Nominations.For("Bury", Proportion.Third, ("Lab", 25, 9), ("C", 20, 8), ("Ind", 6, 2)));

        var answer = _engine.Answer("/council bury", book);

        Assert.Equal(
            "Bury has not declared yet. 19 of 51 seats are up. Before the poll: Labour 25, Conservatives 20, Independents 6 (no overall control).",
            answer.Text);
    }

    [Fact]
    public void Answer_NominatedExactlyHalf_IsNoOverallControl()
    {
        var book = Books.With(Nominations.For("Hart", Proportion.All, ("C", 20, 20), ("LD", 20, 20)));

        var answer = _engine.Answer("/council hart", book);

        Assert.Equal("Hart has not declared yet. All 40 seats are up. Before the poll: Conservatives 20, Liberal Democrats 20 (no overall control).", answer.Text);
    }

    [Fact]
    public void Answer_NotDeclaredWithoutNominations_SaysOnlyThat()
    {
        var book = ResultsBook.Empty.ExpectCouncils(["Wigan"]);

        var answer = _engine.Answer("/council wigan", book);

        Assert.True(answer.Ok);
        Assert.Equal("Wigan has not declared yet.", answer.Text);
    }

    [Fact]
    public void Answer_PaIdOfADeclaredCouncil_GivesItsResult()
    {
        var answer = _engine.Answer("/council 4735", _book);

        Assert.True(answer.Ok);
        Assert.StartsWith("Bolton stays under no overall control\nA third of the council up: 20 of 60 seats\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_PaIdOfANominatedCouncil_SaysItHasNotDeclared()
    {
        var answer = _engine.Answer("/council 4784", _book);

        Assert.StartsWith("Harlow has not declared yet. ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_UnknownPaId_SaysSo()
    {
        var answer = _engine.Answer("/council 9999", _book);

        Assert.False(answer.Ok);
        Assert.Equal("No council with PA id 9999 in tonight's results.", answer.Text);
    }

    [Theory]
    [InlineData("/council E07000223")]
    [InlineData("/council e07000223")]
    public void Answer_GssCode_GivesTheCouncilsResult(string input)
    {
        var answer = _engine.Answer(input, _book);

        Assert.True(answer.Ok);
        Assert.StartsWith("Labour gain Adur from Conservatives\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_GssCodeOfACouncilTheFeedNamesDifferently_FindsIt()
    {
        // The table has "Kingston upon Hull" (E06000010); this feed says "Hull".
        var hull = Declaration.Of("Hull").Control("LD", "LD").NewCouncil(("LD", 31), ("Lab", 26)).Build();

        var answer = _engine.Answer("/council E06000010", Books.With(hull));

        Assert.StartsWith("Liberal Democrats hold Hull\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_GssCodeOfACouncilNotInTheFeed_SaysWhichCouncilItIs()
    {
        var answer = _engine.Answer("/council E08000016", _book);

        Assert.False(answer.Ok);
        Assert.Equal("Barnsley has no election on this night.", answer.Text);
    }

    [Fact]
    public void Answer_UnknownGssCode_SaysSo()
    {
        var answer = _engine.Answer("/council E09999999", _book);

        Assert.False(answer.Ok);
        Assert.Equal("I don't know the GSS code E09999999.", answer.Text);
    }

    [Fact]
    public void Answer_NewcastleWhenBothAreInTheFeed_AsksWhichOne()
    {
        var book = ResultsBook.Empty.ExpectCouncils(["Newcastle-under-Lyme", "Newcastle upon Tyne", "Sunderland"]);

        var answer = _engine.Answer("/council newcastle", book);

        Assert.False(answer.Ok);
        Assert.Equal("Which one? Newcastle upon Tyne or Newcastle-under-Lyme", answer.Text);
    }

    [Fact]
    public void Answer_NewcastleWhenOnlyOneIsInTheFeed_FindsIt()
    {
        var book = ResultsBook.Empty.ExpectCouncils(["Newcastle upon Tyne", "Sunderland"]);

        var answer = _engine.Answer("/council Newcastle", book);

        Assert.Equal("Newcastle upon Tyne has not declared yet.", answer.Text);
    }

    // A night of real councils whose names are close to other real councils.
    private static readonly ResultsBook NightOfNearNames = Books.With(
        [.. new[] { "Sefton", "Adur", "Harlow", "Reading", "Leeds", "Bolton", "Brentwood", "Bournemouth, Christchurch and Poole", "Kensington & Chelsea", "Hull", "Brighton and Hove" }
            .Select(name => (FeedMessage)Declaration.Of(name).Control("Lab", "Lab").NewCouncil(("Lab", 30), ("C", 10)).Build())])
        .ExpectCouncils(["Sefton", "Adur", "Harlow", "Reading", "Leeds", "Bolton", "Brentwood", "Bournemouth, Christchurch and Poole", "Kensington & Chelsea", "Hull", "Brighton and Hove"]);

    [Theory]
    [InlineData("Sutton")]
    [InlineData("Arun")]
    [InlineData("Harrow")]
    [InlineData("Ealing")]
    [InlineData("Lewes")]
    [InlineData("Boston")]
    [InlineData("Brent")]
    public void Answer_RealCouncilNotUpTonightWithANameLikeAnothers_SaysSoAndNeverGivesTheOther(string council)
    {
        var answer = _engine.Answer($"/council {council}", NightOfNearNames);

        Assert.False(answer.Ok);
        Assert.Equal($"{council} has no election on this night.", answer.Text);
    }

    [Theory]
    [InlineData("BCP", "Labour hold Bournemouth, Christchurch and Poole")]
    [InlineData("K&C", "Labour hold Kensington & Chelsea")]
    [InlineData("Kensington and Chelsea", "Labour hold Kensington & Chelsea")]
    [InlineData("Kingston upon Hull", "Labour hold Hull")]
    [InlineData("Brighton", "Labour hold Brighton and Hove")]
    [InlineData("E06000010", "Labour hold Hull")]
    [InlineData("Brentw", "Labour hold Brentwood")]
    public void Answer_ShortOfficialOrAlternativeNameOrUniquePrefix_FindsTheCouncil(string query, string headline)
    {
        var answer = _engine.Answer($"/council {query}", NightOfNearNames);

        Assert.True(answer.Ok, answer.Text);
        Assert.StartsWith(headline + "\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AbolishedCouncil_SaysWhatReplacedIt()
    {
        var answer = _engine.Answer("/council Allerdale", NightOfNearNames);

        Assert.Equal("Allerdale was abolished in 2023; its area is now Cumberland.", answer.Text);
    }

    [Fact]
    public void Answer_NearMissThatIsNoCouncil_SuggestsButNeverAnswers()
    {
        var answer = _engine.Answer("/council Seftin", NightOfNearNames);

        Assert.False(answer.Ok);
        Assert.Equal("No result for \"Seftin\". Did you mean Sefton?", answer.Text);
    }
}
