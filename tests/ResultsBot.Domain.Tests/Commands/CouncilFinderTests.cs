using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Councils;

namespace ResultsBot.Domain.Tests.Commands;

public class CouncilFinderTests
{
    private static readonly IReadOnlyDictionary<string, string> Councils = Known(
        "Basingstoke & Deane",
        "Newcastle-under-Lyme",
        "Newcastle upon Tyne",
        "St Helens",
        "Stoke-on-Trent",
        "Kingston upon Hull",
        "Kingston upon Thames",
        "Bristol",
        "City of Westminster",
        "Sunderland");

    [Theory]
    [InlineData("basingstoke and deane", "basingstoke and deane")]
    [InlineData("BASINGSTOKE & DEANE", "basingstoke and deane")]
    [InlineData("Newcastle under Lyme", "newcastle under lyme")]
    [InlineData("Saint Helens", "saint helens")]
    [InlineData("St. Helens", "saint helens")]
    [InlineData("Stoke upon Trent", "stoke on trent")]
    [InlineData("City of Bristol", "bristol")]
    [InlineData("Bristol City Council", "bristol")]
    [InlineData("Westminster", "city of westminster")]
    [InlineData("basing", "basingstoke and deane")]
    [InlineData("Hull", "kingston on hull")]
    public void Find_ForgivingSpelling_FindsTheCouncil(string query, string expectedKey)
    {
        var match = CouncilFinder.Find(query, Councils);

        Assert.Equal(expectedKey, match.Key);
    }

    [Theory]
    [InlineData("City of Kingston upon Hull")]
    [InlineData("Kingston upon Hull City Council")]
    public void Find_ShortNameOfACouncilTheFeedNamesInFull_FindsIt(string feedName)
    {
        var match = CouncilFinder.Find("Hull", Known(feedName, "Solihull"));

        Assert.Equal(CouncilKey.For(feedName), match.Key);
    }

    [Theory]
    [InlineData("Kingston upon Hull")]
    [InlineData("City of Kingston upon Hull")]
    public void Find_FullNameOfACouncilTheFeedNamesShort_FindsIt(string query)
    {
        var match = CouncilFinder.Find(query, Known("Hull", "Solihull"));

        Assert.Equal("hull", match.Key);
    }

    [Fact]
    public void Find_PrefixOfTwoCouncils_OffersBoth()
    {
        var match = CouncilFinder.Find("Kingston", Councils);

        Assert.Null(match.Key);
        Assert.True(match.Ambiguous);
        Assert.Equal(["kingston on hull", "kingston on thames"], match.Candidates);
    }

    [Fact]
    public void Find_NewcastleWhenBothAreKnown_AsksWhichOne()
    {
        var match = CouncilFinder.Find("Newcastle", Councils);

        Assert.Null(match.Key);
        Assert.True(match.Ambiguous);
        Assert.Equal(["newcastle on tyne", "newcastle under lyme"], match.Candidates);
    }

    [Theory]
    [InlineData("Newcastle upon Tyne")]
    [InlineData("Newcastle-under-Lyme")]
    public void Find_NewcastleWhenOnlyOneIsKnown_FindsIt(string feedName)
    {
        var match = CouncilFinder.Find("newcastle", Known(feedName, "Sunderland"));

        Assert.Equal(CouncilKey.For(feedName), match.Key);
    }

    [Fact]
    public void Find_Misspelt_SuggestsTheClosest()
    {
        var match = CouncilFinder.Find("Sunderlnd", Councils);

        Assert.Null(match.Key);
        Assert.False(match.Ambiguous);
        Assert.Equal(["sunderland"], match.Candidates);
    }

    [Fact]
    public void Find_NothingClose_SuggestsNothing()
    {
        var match = CouncilFinder.Find("Zzyzx", Councils);

        Assert.Null(match.Key);
        Assert.Empty(match.Candidates);
    }

    [Fact]
    public void Find_ShortNameWhoseCouncilIsNotInTheFeed_FindsNothing()
    {
        var match = CouncilFinder.Find("Brum", Councils);

        Assert.Null(match.Key);
    }

    [Fact]
    public void Find_HugeQuery_IsNotComparedLetterByLetterWithEveryCouncil()
    {
        // A pasted 200 KB "name" once cost seconds of CPU and over a gigabyte of allocations
        // against a night's 107 councils; no council name is within reach of it anyway.
        var query = new string('x', 200 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var match = CouncilFinder.Find(query, Councils);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(match.Key);
        Assert.Empty(match.Candidates);
        Assert.True(allocated < 20 * query.Length, $"Find allocated {allocated} bytes for a {query.Length}-character query");
    }

    private static Dictionary<string, string> Known(params string[] names) =>
        names.ToDictionary(CouncilKey.For, n => n, StringComparer.Ordinal);
}
