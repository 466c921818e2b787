using ResultsBot.Domain.Councils;

namespace ResultsBot.Domain.Tests.Councils;

public class CouncilKeyTests
{
    [Theory]
    [InlineData("Bolton", "bolton")]
    [InlineData("  Bolton  ", "bolton")]
    [InlineData("Basingstoke & Deane", "basingstoke and deane")]
    [InlineData("Basingstoke&Deane", "basingstoke and deane")]
    [InlineData("Newcastle-under-Lyme", "newcastle under lyme")]
    [InlineData("St Helens", "saint helens")]
    [InlineData("St. Albans", "saint albans")]
    [InlineData("Kingston upon Hull", "kingston on hull")]
    [InlineData("Stoke-on-Trent", "stoke on trent")]
    [InlineData("King's Lynn and West Norfolk", "kings lynn and west norfolk")]
    [InlineData("King\u2019s Lynn and West Norfolk", "kings lynn and west norfolk")]
    [InlineData("Ynys Môn", "ynys mon")]
    [InlineData("Bristol, City of", "bristol city of")]
    [InlineData("Hull\uD800", "hull")]
    [InlineData("\uDC00Hull \uD83C\uDF89", "hull")]
    public void For_Spelling_NormalisesToKey(string name, string expected)
    {
        Assert.Equal(expected, CouncilKey.For(name));
    }

    [Theory]
    [InlineData("Basingstoke & Deane", "BASINGSTOKE AND DEANE")]
    [InlineData("St Helens", "Saint Helens")]
    [InlineData("Kingston upon Thames", "Kingston-on-Thames")]
    public void For_TwoSpellingsOfOneCouncil_Meet(string one, string other)
    {
        Assert.Equal(CouncilKey.For(one), CouncilKey.For(other));
    }

    [Fact]
    public void For_WordsThatOnlyStartLikeSaint_AreLeftAlone()
    {
        Assert.Equal("stockport", CouncilKey.For("Stockport"));
    }

    [Fact]
    public void For_NothingButPunctuation_IsEmpty()
    {
        Assert.Equal("", CouncilKey.For(" - , ."));
    }

    [Fact]
    public void Key_OfACouncilRenamedWithWith_FollowsTheNewName()
    {
        var council = new Council("St Helens", "123", "Metro", Proportion.Third);

        var renamed = council with { Name = "Basingstoke & Deane" };

        Assert.Equal("saint helens", council.Key);
        Assert.Equal("basingstoke and deane", renamed.Key);
    }

    [Fact]
    public void For_MoreNamesThanItRemembers_StillNormalisesEachTheSameWay()
    {
        var names = Enumerable.Range(0, 5000).Select(i => $"St Council & Ward {i}").ToList();

        var first = names.Select(CouncilKey.For).ToList();
        var again = names.Select(CouncilKey.For).ToList();

        Assert.Equal(first, again);
        Assert.Equal("saint council and ward 4999", again[^1]);
    }
}
