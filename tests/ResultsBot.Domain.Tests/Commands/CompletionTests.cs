using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class CompletionTests
{
    private static readonly ResultsBook Councils = ResultsBook.Empty.ExpectCouncils(
    [
        "Birmingham", "Halton", "Ham", "Hammersmith & Fulham", "Hampshire", "Hart", "Oldham",
        "Southampton", "Sunderland", "Thurrock", "Tower Hamlets", "Kingston upon Hull", "Solihull",
    ]);

    [Fact]
    public void Councils_PartOfAName_RankedExactPrefixWordPrefixThenContains()
    {
        var names = Completion.Councils("ham", Councils);

        Assert.Equal(
            [
                "Ham",                                            // exact
                "Hammersmith & Fulham", "Hampshire",              // prefix
                "Tower Hamlets",                                  // a word's prefix
                "Birmingham", "Oldham", "Southampton",            // anywhere
            ],
            names);
    }

    [Fact]
    public void Councils_Typo_RankedAfterEveryRealMatchClosestFirst()
    {
        var book = ResultsBook.Empty.ExpectCouncils(["Harrow", "Hart", "Harlow", "Marlow"]);

        var names = Completion.Councils("harlo", book);

        // Harrow and Marlow are one letter off "harlo", Hart two.
        Assert.Equal(["Harlow", "Harrow", "Marlow", "Hart"], names);
    }

    [Theory]
    [InlineData("Thurok", "Thurrock")]
    [InlineData("sunderlnd", "Sunderland")]
    [InlineData("kingston-upon", "Kingston upon Hull")]
    [InlineData("HULL", "Kingston upon Hull")]
    public void Councils_TypoOrOtherSpelling_StillSuggestsTheCouncil(string partial, string expected)
    {
        Assert.Equal(expected, Completion.Councils(partial, Councils)[0]);
    }

    [Fact]
    public void Councils_NothingTyped_GivesTheFirst25Alphabetically()
    {
        var book = ResultsBook.Empty.ExpectCouncils(Enumerable.Range(1, 40).Select(i => $"Council {i:00}"));

        var names = Completion.Councils("", book);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"Council {i:00}"), names);
    }

    [Fact]
    public void Councils_OnlyInvisibleCharacters_AsIfNothingWasTyped()
    {
        Assert.Equal(Completion.Councils("", Councils), Completion.Councils("\u202E\u200B", Councils));
    }

    [Fact]
    public void Councils_ManyMatches_AtMost25()
    {
        var book = ResultsBook.Empty.ExpectCouncils(Enumerable.Range(1, 40).Select(i => $"Northshire {i:00}"));

        Assert.Equal(Completion.MaxSuggestions, Completion.Councils("north", book).Count);
    }

    [Theory]
    [InlineData("zzzz")]
    [InlineData("@everyone")]
    public void Councils_NothingClose_SuggestsNothing(string partial)
    {
        Assert.Empty(Completion.Councils(partial, Councils));
    }

    [Fact]
    public void Councils_HugePartial_AnswersWithoutComparingItAll()
    {
        Assert.Empty(Completion.Councils(new string('x', 200 * 1024), Councils));
    }

    [Fact]
    public void Parties_NothingTyped_PartiesOnTheScoreboardFirstThenTheUsualOnes()
    {
        var book = Books.With(Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland);

        var names = Completion.Parties("", book);

        Assert.Equal(
            ["Labour", "Conservatives", "Independents", "Liberal Democrats", "Others", "Greens", "Reform UK", "Plaid Cymru", "Residents", "SNP", "UKIP", "Your Party"],
            names);
    }

    [Theory]
    [InlineData("tor", new[] { "Conservatives" })]
    [InlineData("lib", new[] { "Liberal Democrats" })]
    [InlineData("pla", new[] { "Plaid Cymru" })]
    [InlineData("re", new[] { "Reform UK", "Residents", "Greens" })]
    [InlineData("labuor", new[] { "Labour" })]
    public void Parties_PartOfANameOrNickname_SuggestsTheParty(string partial, string[] expected)
    {
        Assert.Equal(expected, Completion.Parties(partial, ResultsBook.Empty));
    }

    [Fact]
    public void Parties_EverySuggestion_IsFoundByPartyCommand()
    {
        var engine = new CommandEngine(Culture.EnGb);
        var book = Books.With(Night.Adur, Night.Bolton);

        Assert.All(Completion.Parties("", book), name => Assert.True(engine.Answer("/party " + name, book).Ok, name));
    }

    [Fact]
    public void Complete_ByKind_SuggestsCouncilsOrParties()
    {
        Assert.Equal(["Thurrock"], CommandEngine.Complete("council", "thur", Councils));
        Assert.Equal(["Labour"], CommandEngine.Complete("party", "labour", Councils));
        Assert.Empty(CommandEngine.Complete("colour", "red", Councils));
    }
}
