using System.Text;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Feeds.Ours;

namespace ResultsBot.Feeds.Tests.Ours;

public sealed class NationalShareFormatTests
{
    private const string WithLastYear = """
        <NationalShare revision="2" source="BBC projected national share" time="2024-05-03T16:00:00+01:00" previousYear="2023">
          <Share party="Lab" percent="34" previous="35"/><Share party="C" percent="25" previous="26"/><Share party="LD" percent="17"/>
        </NationalShare>
        """;

    [Fact]
    public void Parse_SharesWithPreviousFigures_ReadsEachPreviousAndTheYear()
    {
        var share = Assert.IsType<NationalShare>(Assert.Single(FeedParser.Parse(Encoding.UTF8.GetBytes(WithLastYear), "pns_2.xml").Messages));

        Assert.Equal(
            [new PartyShare(new PartyCode("Lab"), 34, 35), new PartyShare(new PartyCode("C"), 25, 26), new PartyShare(new PartyCode("LD"), 17, null)],
            share.Shares);
        Assert.Equal(2023, share.PreviousYear);
        Assert.Equal("", share.SetBy); // not the file name: a file is not who entered it
    }

    [Fact]
    public void Write_ThenParse_KeepsPreviousFiguresAndWhoSetIt()
    {
        var original = new NationalShare(3, "BBC", new DateTimeOffset(2024, 5, 3, 16, 0, 0, TimeSpan.FromHours(1)), "U1", [new PartyShare(new PartyCode("Lab"), 34.5m, 35)], 2023);

        var again = Assert.IsType<NationalShare>(Assert.Single(FeedParser.Parse(NationalShareFormat.Write(original)).Messages));

        Assert.Equal((original.Revision, original.Source, original.At, original.SetBy, original.PreviousYear), (again.Revision, again.Source, again.At, again.SetBy, again.PreviousYear));
        Assert.Equal(original.Shares, again.Shares);
    }

    [Theory]
    [InlineData("<Share party='Lab' percent='34' previous='140'/>", "NationalShare: <Share party='Lab'> previous='140' is not a share between 0 and 100")]
    [InlineData("<Share party='Lab' percent='34' previous='60'/><Share party='C' percent='25' previous='50'/>", "NationalShare: the previous shares add up to 110%, more than 100%")]
    public void Parse_ImpossiblePreviousFigures_AreRefused(string shares, string reason)
    {
        var xml = $"<NationalShare revision='1' source='BBC' time='2024-05-03T16:00:00+01:00'>{shares}</NationalShare>";

        Assert.Equal(reason, FeedParser.Parse(Encoding.UTF8.GetBytes(xml)).Problem);
    }
}
