using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Posts;

public class HeadlinesTests
{
    [Theory]
    [InlineData("Thurrock", "Reform", "Lab", "Reform UK gain Thurrock from Labour")]
    [InlineData("Thurrock", "Lab", "NOC", "Labour gain Thurrock from no overall control")]
    [InlineData("Sunderland", "Lab", "Lab", "Labour hold Sunderland")]
    [InlineData("Basildon", "NOC", "C", "Conservatives lose Basildon to no overall control")]
    [InlineData("Bolton", "NOC", "NOC", "Bolton stays under no overall control")]
    [InlineData("Epsom and Ewell", "R", "R", "Residents hold Epsom and Ewell")]
    [InlineData("Ashfield", "Ind", "NOC", "Independents gain Ashfield from no overall control")]
    [InlineData("Castle Point", "R", "C", "Residents gain Castle Point from Conservatives")]
    public void For_EachOutcome_ReadsAsTheConventionalCall(string council, string winner, string sitting, string expected)
    {
        var declaration = Declaration.Of(council).Control(winner, sitting).NewCouncil((winner, 1)).Build();

        Assert.Equal(expected, Headlines.For(declaration));
    }

    [Fact]
    public void For_UnknownPartyCode_UsesTheCodeAsTheName()
    {
        var declaration = Declaration.Of("Hartlepool").Control("Hartlepool First", "Lab").NewCouncil(("Hartlepool First", 20), ("Lab", 16)).Build();

        Assert.Equal("Hartlepool First gain Hartlepool from Labour", Headlines.For(declaration));
    }

    [Fact]
    public void For_ScottishCouncilWithNoMajority_NamesTheLargestPartyAndHowFarShortItIs()
    {
        var glasgow = Declaration.Of("Glasgow City").Control("NOC", "NOC").NewCouncil(("SNP", 37), ("Lab", 36), ("Green", 10), ("C", 2)).Build();

        Assert.Equal("SNP largest party in Glasgow City, 6 short of a majority", Headlines.For(glasgow));
    }

    [Fact]
    public void For_ScottishCouncilWithTiedLargestParties_NamesBoth()
    {
        var fife = Declaration.Of("Fife").Control("NOC", "NOC").NewCouncil(("SNP", 24), ("Lab", 24), ("LD", 13), ("C", 14)).Build();

        Assert.Equal("Labour and SNP largest parties in Fife, 24 seats each", Headlines.For(fife));
    }

    [Fact]
    public void For_EnglishCouncilWithNoMajority_StaysTheUsualHeadline()
    {
        var bolton = Declaration.Of("Bolton").Control("NOC", "NOC").NewCouncil(("Lab", 26), ("C", 20), ("Ind", 14)).Build();

        Assert.Equal("Bolton stays under no overall control", Headlines.For(bolton));
    }
}
