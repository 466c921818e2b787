using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Tests.Parties;

public sealed class PartyCodeTests
{
    [Theory]
    [InlineData("LAB", "Lab")]
    [InlineData("lab", "Lab")]
    [InlineData("Con", "C")]
    [InlineData("grn", "Green")]
    [InlineData(" noc ", "NOC")]
    public void Constructor_KnownCodeInAnotherSpelling_IsTheSameParty(string written, string canonical)
    {
        Assert.Equal(new PartyCode(canonical), new PartyCode(written));
        Assert.Equal(canonical, new PartyCode(written).Value);
    }

    [Fact]
    public void Constructor_UnknownCode_KeptAsTheFeedWroteIt()
    {
        Assert.Equal("Alliance", new PartyCode("Alliance").Value);
    }
}
