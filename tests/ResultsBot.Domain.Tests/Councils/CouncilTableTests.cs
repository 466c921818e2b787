using ResultsBot.Domain.Councils;

namespace ResultsBot.Domain.Tests.Councils;

public class CouncilTableTests
{
    [Fact]
    public void Current_HasEveryPrincipalCouncilOfEachNation()
    {
        var councils = CouncilTable.Current.Where(c => !c.IsCombinedAuthority).GroupBy(c => c.Nation).ToDictionary(g => g.Key, g => g.Count());

        // The register's own counts: Scotland's 32 councils, Wales's 22, Northern Ireland's 11, and England's
        // 21 counties, 63 unitaries, 36 metropolitan and 164 shire districts, 32 London boroughs, the City of London and
        // the Greater London Authority.
        Assert.Equal(32, councils["Scotland"]);
        Assert.Equal(22, councils["Wales"]);
        Assert.Equal(11, councils["Northern Ireland"]);
        Assert.Equal(318, councils["England"]);
    }

    [Theory]
    [InlineData("BCP", "Bournemouth, Christchurch and Poole")]
    [InlineData("K&C", "Kensington and Chelsea")]
    [InlineData("Royal Borough of Kensington and Chelsea", "Kensington and Chelsea")]
    [InlineData("Hull", "Kingston upon Hull")]
    [InlineData("Brighton", "Brighton and Hove")]
    [InlineData("Durham", "County Durham")]
    [InlineData("Newcastle upon Tyne", "Newcastle upon Tyne")]
    [InlineData("London Borough of Sutton", "Sutton")]
    [InlineData("Glasgow", "Glasgow City")]
    [InlineData("Rhondda Cynon Taf", "Rhondda Cynon Taff")]
    [InlineData("E06000010", "Kingston upon Hull")]
    [InlineData("Sir Ynys Môn", "Isle of Anglesey")]
    public void Find_AnyOfACouncilsNames_FindsIt(string name, string expected)
    {
        Assert.Equal(expected, CouncilTable.Find(name)?.Name);
    }

    [Theory]
    [InlineData("Sutt")]
    [InlineData("Nowhere at all")]
    public void Find_NameThatIsNotExactlyOneCouncil_FindsNothing(string name)
    {
        Assert.Null(CouncilTable.Find(name));
    }

    [Fact]
    public void SuccessorsOf_AbolishedCouncil_NamesWhatReplacedIt()
    {
        var allerdale = CouncilTable.Find("Allerdale")!;

        Assert.True(allerdale.IsAbolished);
        Assert.Equal(new DateOnly(2023, 4, 1), allerdale.End);
        Assert.Equal(["Cumberland"], CouncilTable.SuccessorsOf(allerdale));
    }

    [Fact]
    public void All_NoNameIsGarbled()
    {
        // mySociety's file has one name mangled by an earlier conversion ("Sir Ynys Mï¿½n"); the generator repairs it.
        var names = CouncilTable.All.SelectMany(c => c.AlternativeNames.Append(c.Name).Append(c.OfficialName));

        Assert.DoesNotContain(names, n => n.Contains('\uFFFD') || n.Contains("ï¿½", StringComparison.Ordinal));
    }

    [Fact]
    public void All_RowsKeepEveryField()
    {
        var bucks = CouncilTable.ByCode("AYL")!;

        Assert.Equal(
            ("E07000004", "Aylesbury Vale District Council", "England", "South East", "NMD", (DateOnly?)null, new DateOnly(2020, 3, 31), "BUC"),
            (bucks.Gss, bucks.OfficialName, bucks.Nation, bucks.Region, bucks.Type, bucks.Start, bucks.End, string.Join(";", bucks.ReplacedBy)));
        Assert.Null(CouncilTable.ByCode("ABD")!.Region);
    }
}
