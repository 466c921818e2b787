using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Book;

public class ResultsBookTests
{
    [Fact]
    public void Accept_FirstMessageUnderItsKey_IsNewAndLeavesTheOldBookAlone()
    {
        var bury = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build();

        var acceptance = ResultsBook.Empty.Accept(bury);

        Assert.Equal(AcceptanceKind.New, acceptance.Kind);
        Assert.Null(acceptance.Previous);
        Assert.Same(bury, acceptance.Book.DeclarationFor("bury"));
        Assert.Equal(1, acceptance.Book.DeclaredCount);
        Assert.Equal(0, ResultsBook.Empty.DeclaredCount);
        Assert.Null(ResultsBook.Empty.DeclarationFor("bury"));
    }

    [Fact]
    public void Accept_HigherRevision_SupersedesAndPointsAtWhatItReplaced()
    {
        var first = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build();
        var second = Declaration.Of("Bury").Revision(2).Control("Lab", "Lab").NewCouncil(("Lab", 30)).Build();

        var acceptance = Books.With(first).Accept(second);

        Assert.Equal(AcceptanceKind.Superseding, acceptance.Kind);
        Assert.Same(first, acceptance.Previous);
        Assert.Same(second, acceptance.Book.DeclarationFor("bury"));
        Assert.Equal(1, acceptance.Book.DeclaredCount);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void Accept_EqualOrLowerRevision_IsStaleAndChangesNothing(int staleRevision)
    {
        var current = Declaration.Of("Bury").Revision(2).Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build();
        var stale = Declaration.Of("Bury").Revision(staleRevision).Control("C", "Lab").NewCouncil(("C", 31)).Build();
        var book = Books.With(current);

        var acceptance = book.Accept(stale);

        Assert.Equal(AcceptanceKind.Stale, acceptance.Kind);
        Assert.Same(book, acceptance.Book);
        Assert.Same(current, acceptance.Previous);
        Assert.Same(current, acceptance.Book.DeclarationFor("bury"));
    }

    [Fact]
    public void Accept_CorrectionOfAnEarlierCouncil_KeepsTheOrderCouncilsDeclaredIn()
    {
        var adur = Declaration.Of("Adur").Control("Lab", "C").NewCouncil(("Lab", 15)).Build();
        var bolton = Declaration.Of("Bolton").NewCouncil(("Lab", 26)).Build();
        var bury = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build();
        var adurCorrected = Declaration.Of("Adur").Revision(2).Control("Lab", "C").NewCouncil(("Lab", 16)).Build();

        var book = Books.With(adur, bolton, bury, adurCorrected);

        Assert.Equal(["Adur", "Bolton", "Bury"], book.Declarations.Select(d => d.Council.Name));
        Assert.Same(adurCorrected, book.Declarations.First());
        Assert.Equal(1, book.DeclarationNumber(adurCorrected));
        Assert.Equal(3, book.DeclarationNumber(bury));
        Assert.Equal(3, book.DeclaredCount);
    }

    [Fact]
    public void DeclaredCount_NominationsAndStates_AreNotDeclarations()
    {
        var book = Books.With(
            Nominations("Thurrock"),
            State(numberOfResults: 0, totalCouncils: 107),
            Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build());

        Assert.Equal(1, book.DeclaredCount);
        Assert.Equal(["Bury"], book.Declarations.Select(d => d.Council.Name));
    }

    [Fact]
    public void ExpectedCount_NothingSaysHowManyCouncils_IsNull()
    {
        var book = Books.With(Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build());

        Assert.Null(book.ExpectedCount);
    }

    [Fact]
    public void ExpectedCount_StateOfPartiesGivesATotal_IsThatTotal()
    {
        var book = Books.With(
            Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build(),
            State(numberOfResults: 1, totalCouncils: 107, "Bury"));

        Assert.Equal(107, book.ExpectedCount);
    }

    [Fact]
    public void ExpectedCount_SeveralStates_TakesTheTotalFromTheLatest()
    {
        var book = Books.With(State(numberOfResults: 2, totalCouncils: 107), State(numberOfResults: 5, totalCouncils: 108));

        Assert.Equal(108, book.ExpectedCount);
        Assert.Equal(5, book.LatestState?.NumberOfResults);
    }

    [Fact]
    public void LatestState_ACorrectionWithFewerResults_ReplacesTheOneItCorrects()
    {
        var corrected = new StateOfParties(6, "England", 4, 107, [], []);
        var book = Books.With(State(numberOfResults: 5, totalCouncils: 107), corrected, Declaration.Of("Bury").NewCouncil(("Lab", 31)).Build());

        Assert.Same(corrected, book.LatestState);
    }

    [Fact]
    public void ExpectedCount_MoreCouncilsDeclaredThanTheStateSays_NeverFallsBelowDeclared()
    {
        var book = Books.With(
            State(numberOfResults: 1, totalCouncils: 2, "Adur"),
            Declaration.Of("Adur").Control("Lab", "C").NewCouncil(("Lab", 15)).Build(),
            Declaration.Of("Bolton").NewCouncil(("Lab", 26)).Build(),
            Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build());

        Assert.Equal(3, book.ExpectedCount);
    }

    [Fact]
    public void ExpectedCount_FromNominations_CountsEveryCouncilNamedOnce()
    {
        var book = Books.With(
            Nominations("Thurrock"),
            Nominations("Bury"),
            Nominations("Basingstoke & Deane"),
            Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build(),
            Declaration.Of("Adur").Control("Lab", "C").NewCouncil(("Lab", 15)).Build());

        // Thurrock, Bury and Basingstoke were nominated; Adur declared without nominations.
        Assert.Equal(4, book.ExpectedCount);
    }

    [Fact]
    public void ExpectedCount_CouncilsNamedBeforeAndAfterTheyDeclare_CountOnce()
    {
        var book = Books.With(
                Declaration.Of("Adur").Control("Lab", "C").NewCouncil(("Lab", 15)).Build(),
                Declaration.Of("Adur").Revision(2).Control("Lab", "C").NewCouncil(("Lab", 16)).Build())
            .ExpectCouncils(["Adur", "Bury"]);

        book = book.Accept(Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31)).Build()).Book
            .Accept(Declaration.Of("Thurrock").Control("Lab", "Lab").NewCouncil(("Lab", 30)).Build()).Book;

        Assert.Equal(3, book.ExpectedCount);
    }

    [Fact]
    public void ExpectCouncils_Names_AreKnownAndExpected()
    {
        var book = ResultsBook.Empty.ExpectCouncils(["Basingstoke & Deane", "St Helens", "Basingstoke and Deane"]);

        Assert.Equal(2, book.ExpectedCount);
        Assert.Equal("Basingstoke & Deane", book.KnownCouncils["basingstoke and deane"]);
        Assert.Equal("St Helens", book.KnownCouncils["saint helens"]);
        Assert.Equal(0, book.DeclaredCount);
    }

    [Fact]
    public void NominationsFor_CouncilNominated_FindsThemByKey()
    {
        var nominations = Nominations("Basingstoke & Deane");

        var book = Books.With(nominations);

        Assert.Same(nominations, book.NominationsFor("basingstoke and deane"));
        Assert.Null(book.DeclarationFor("basingstoke and deane"));
    }

    private static CouncilNominations Nominations(string council) =>
        new(1, new Council(council, null, "Non-Met", Proportion.All), new DateOnly(2024, 5, 2),
            [new PartyNomination(new PartyCode("Lab"), "Labour", 10, 20, 0, 20)]);

    private static StateOfParties State(int numberOfResults, int totalCouncils, params string[] included) =>
        new(numberOfResults, "England", numberOfResults, totalCouncils, [], included);
}
