using System.Diagnostics;
using System.Text;
using ResultsBot.Domain.Messages;
using ResultsBot.Feeds.Pa;

namespace ResultsBot.Feeds.Tests.Pa;

/// <summary>Figures no election has, nesting no PA message has, and encodings the declaration names: each is a reason, never an exception.</summary>
public sealed class PaFeedParserLimitsTests
{
    private static string Bolton => Encoding.UTF8.GetString(SharedFeeds.PaBytes("Local_Test_result_Bolton_1.xml"));

    [Theory]
    [InlineData("-2147483648")]
    [InlineData("2147483647")]
    [InlineData("99999999999999999999")]
    public void Parse_SeatChangeBeyondAnyInteger_IsABadFileNamingTheChange(string change)
    {
        var xml = Bolton.Replace("change='+2'", $"change='{change}'", StringComparison.Ordinal);

        var outcome = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "bolton.xml");

        Assert.Equal($"LocalElectionResult: <Party name='LD'> change='{change[..Math.Min(change.Length, 20)]}{(change.Length > 20 ? "…" : "")}' is not a plausible seat change", outcome.Problem);
    }

    [Fact]
    public void Parse_StateOfPartiesNetChangeOfIntMinValue_IsABadFile()
    {
        var xml = Encoding.UTF8.GetString(SharedFeeds.PaBytes("Local_Test_SOP_34.xml"));
        var start = xml.IndexOf("netChangeInSeats='", StringComparison.Ordinal) + "netChangeInSeats='".Length;
        xml = xml[..start] + "-2147483648" + xml[xml.IndexOf('\'', start)..];

        var outcome = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "sop.xml");

        Assert.Equal("LocalStateOfParties: <Party> netChangeInSeats='-2147483648' is not a plausible number", outcome.Problem);
    }

    [Fact]
    public void Parse_ReferendumAnswersAddingUpPastAnyInteger_IsABadFile()
    {
        var answers = string.Concat(Enumerable.Range(1, 50).Select(i => $"<Answer name='A{i}' votes='50000000'/>"));
        var xml = $"<Referendum revision='1' area='Bradford' question='Q?'>{answers}</Referendum>";

        var outcome = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "referendum.xml");

        Assert.Equal("Referendum: the answers' votes add up to more than 50,000,000, which no area has", outcome.Problem);
    }

    [Fact]
    public void Parse_NestedFarDeeperThanAnyPaMessage_IsRefusedWithinASecond()
    {
        var depth = 120_000;
        var xml = "<LocalElectionResult>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</LocalElectionResult>";
        var watch = Stopwatch.StartNew();

        var outcome = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), "deep.xml");

        Assert.Equal("elements are nested more than 64 deep; a PA message is a few levels deep", outcome.Problem);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Parse_Windows1252FileAsItsDeclarationSays_ReadsTheNamesInIt()
    {
        // 0x92 is a curly apostrophe in windows-1252 and a control character in ISO-8859-1.
        var xml = Bolton
            .Replace("encoding='UTF-8'", "encoding='windows-1252'", StringComparison.Ordinal)
            .Replace("name='Bolton'", "name='Bolton\u2019s Fold'", StringComparison.Ordinal);
        var bytes = Encoding.GetEncoding("windows-1252").GetBytes(xml);
        Assert.Contains((byte)0x92, bytes);

        var outcome = FeedParser.Parse(bytes, "bolton-1252.xml");

        Assert.Null(outcome.Problem);
        Assert.Equal("Bolton\u2019s Fold", Assert.IsType<CouncilDeclaration>(Assert.Single(outcome.Messages)).Council.Name);
    }
}
