using ResultsBot.Domain.Councils;

namespace ResultsBot.Domain.Tests.Councils;

public class GssCodesTests
{
    [Theory]
    [InlineData("Adur", "E07000223")]
    [InlineData("Kingston upon Hull", "E06000010")]
    [InlineData("Newcastle upon Tyne", "E08000021")]
    [InlineData("Southend-on-Sea", "E06000033")]
    public void ByName_CouncilsOf2024_HaveTheirOnsCodes(string council, string code)
    {
        Assert.Equal(code, GssCodes.ByName[council]);
    }

    [Fact]
    public void ByName_EveryCodeIsAGssCodeAndBelongsToOneCouncil()
    {
        Assert.Equal(107, GssCodes.ByName.Count);
        Assert.All(GssCodes.ByName.Values, code => Assert.Matches("^E0[6-9][0-9]{6}$", code));
        Assert.Equal(GssCodes.ByName.Count, GssCodes.ByName.Values.Distinct().Count());
    }
}
