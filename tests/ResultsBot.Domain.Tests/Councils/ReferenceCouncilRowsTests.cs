using ResultsBot.Domain.Councils;

namespace ResultsBot.Domain.Tests.Councils;

public class ReferenceCouncilRowsTests
{
    [Fact]
    public void Parse_ARowWithEveryField_ReadsEachIntoItsPlace()
    {
        var row = Assert.Single(ReferenceCouncilRows.Parse("ALL|E07000026|Allerdale|Allerdale Borough Council|England|North West|NMD|1974-04-01|2023-04-01|CBD;CMB|Allerdale BC;allerdale district\n"));

        Assert.Equal(
            ("ALL", "E07000026", "Allerdale", "Allerdale Borough Council", "England", "North West", "NMD", (DateOnly?)new DateOnly(1974, 4, 1), (DateOnly?)new DateOnly(2023, 4, 1)),
            (row.Code, row.Gss, row.Name, row.OfficialName, row.Nation, row.Region, row.Type, row.Start, row.End));
        Assert.Equal(["CBD", "CMB"], row.ReplacedBy);
        Assert.Equal(["Allerdale BC", "allerdale district"], row.AlternativeNames);
    }

    [Fact]
    public void Parse_EmptyFields_AreNullOrEmptyLists()
    {
        var row = Assert.Single(ReferenceCouncilRows.Parse("ABD||Aberdeenshire|Aberdeenshire Council|Scotland||SCO||||"));

        Assert.Equal((null, null, null, null), (row.Gss, row.Region, row.Start, row.End));
        Assert.Empty(row.ReplacedBy);
        Assert.Empty(row.AlternativeNames);
    }

    [Fact]
    public void Parse_ARowShortOfAField_IsRefusedNamingIt()
    {
        var error = Assert.Throws<FormatException>(() => ReferenceCouncilRows.Parse("ABD|S12000034|Aberdeenshire"));

        Assert.Equal("A council row has 3 fields, not 11: ABD|S12000034|Aberdeenshire", error.Message);
    }
}
