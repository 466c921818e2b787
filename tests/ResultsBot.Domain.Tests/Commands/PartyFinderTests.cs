using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Tests.Commands;

public class PartyFinderTests
{
    [Theory]
    [InlineData("Lab", "Lab")]
    [InlineData("Labour", "Lab")]
    [InlineData("labour party", "Lab")]
    [InlineData("The Labour Party", "Lab")]
    [InlineData("LAB", "Lab")]
    [InlineData("Tories", "C")]
    [InlineData("tory", "C")]
    [InlineData("Conservative", "C")]
    [InlineData("Conservatives", "C")]
    [InlineData("Con", "C")]
    [InlineData("C", "C")]
    [InlineData("Lib Dems", "LD")]
    [InlineData("lib-dem", "LD")]
    [InlineData("LD", "LD")]
    [InlineData("Liberal Democrats", "LD")]
    [InlineData("Greens", "Green")]
    [InlineData("Green Party", "Green")]
    [InlineData("Reform", "Reform")]
    [InlineData("Reform UK", "Reform")]
    [InlineData("Independents", "Ind")]
    [InlineData("Ind", "Ind")]
    [InlineData("Residents", "R")]
    [InlineData("Residents'", "R")]
    [InlineData("R", "R")]
    [InlineData("SNP", "SNP")]
    [InlineData("Plaid", "PC")]
    [InlineData("PC", "PC")]
    [InlineData("Plaid Cymru", "PC")]
    [InlineData("Your Party", "Your")]
    [InlineData("labo", "Lab")]
    [InlineData("conserv", "C")]
    public void Find_NamesPeopleUse_FindTheParty(string query, string code)
    {
        var match = PartyFinder.Find(query, []);

        Assert.Equal(new PartyCode(code), match.Party);
    }

    [Fact]
    public void Find_CodeOnlyTheFeedUses_IsFoundByItsCode()
    {
        var match = PartyFinder.Find("aspire", [new PartyCode("Aspire")]);

        Assert.Equal(new PartyCode("Aspire"), match.Party);
    }

    [Fact]
    public void Find_PrefixOfTwoParties_AsksWhichOne()
    {
        var match = PartyFinder.Find("re", []);

        Assert.Null(match.Party);
        Assert.True(match.Ambiguous);
        Assert.Equal([new PartyCode("Reform"), new PartyCode("R")], match.Candidates);
    }

    [Theory]
    [InlineData("Labuor", "Lab")]
    [InlineData("Toreis", "C")]
    [InlineData("Liberal Democarts", "LD")]
    public void Find_Misspelt_SuggestsButDoesNotGuess(string query, string code)
    {
        var match = PartyFinder.Find(query, []);

        Assert.Null(match.Party);
        Assert.False(match.Ambiguous);
        Assert.Equal(new PartyCode(code), match.Candidates[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Pirates")]
    [InlineData("@everyone")]
    public void Find_NothingLikeAParty_FindsNothing(string query)
    {
        var match = PartyFinder.Find(query, []);

        Assert.Null(match.Party);
        Assert.Empty(match.Candidates);
    }
}
