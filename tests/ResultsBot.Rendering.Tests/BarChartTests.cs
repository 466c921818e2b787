using System.Globalization;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Rendering.Charts;
using ResultsBot.Rendering.Pictures;
using SkiaSharp;

namespace ResultsBot.Rendering.Tests;

public class BarChartTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Render_CouncillorChangeOnTheSample_DrawsEachPartysBarInItsColourEitherSideOfZero()
    {
        var picture = BoardCharts.CouncillorChange(SampleNight.Declared(107), "PA Media", DateTimeOffset.UnixEpoch, EnGb);

        using var bitmap = SKBitmap.Decode(BarChart.Render(picture).Png);

        Assert.Equal(["Labour", "Liberal Democrats", "Independents", "Greens", "Residents", "Reform UK", "Conservatives"], picture.Bars.Select(b => b.Label));
        Assert.Equal(["+116", "+71", "+56", "+55", "±0", "±0", "-331"], picture.Bars.Select(b => b.Text));
        for (var i = 0; i < picture.Bars.Count; i++)
        {
            var rect = BarChart.BarRect(picture, i);
            if (rect.Width < 3)
            {
                continue;
            }

            Assert.Equal(SKColor.Parse(picture.Bars[i].Colour), bitmap.GetPixel((int)rect.MidX, (int)rect.MidY));
        }

        Assert.True(BarChart.BarRect(picture, 6).Right <= BarChart.BarRect(picture, 0).Left + 1, "losses are drawn left of the zero line");
        Assert.Equal("Net change in seats won since the same seats were last fought, on the 75 of 107 councils that give it.", picture.Note);
    }

    [Fact]
    public void Render_AltText_ListsEveryBarAndTheBasis()
    {
        var picture = new BarPicture("West Midlands mayor", "Share of the vote; the winner outlined", "PA Media",
        [
            new Bar("Richard Parker (Labour)", PartyColours.Of(new PartyCode("Lab")), 37.8, "37.8%", Marked: true),
            new Bar("Andy Street (Conservative)", PartyColours.Of(new PartyCode("C")), 37.5, "37.5%"),
        ], "each candidate's share of the vote");

        var image = BarChart.Render(picture);

        Assert.Equal(
            "West Midlands mayor: bar chart of each candidate's share of the vote — Richard Parker (Labour) 37.8% (marked), Andy Street (Conservative) 37.5%. Share of the vote; the winner outlined.",
            image.AltText);
    }

    [Fact]
    public void Share_BarsInOrderTheLeaderOutlinedAndTheLeadSaid()
    {
        var share = new NationalShare(1, "BBC projected national share", new DateTimeOffset(2024, 5, 3, 15, 0, 0, TimeSpan.Zero), "U1",
            [new PartyShare(new PartyCode("C"), 25, 26), new PartyShare(new PartyCode("Lab"), 34, 35), new PartyShare(new PartyCode("LD"), 17, 20)], PreviousYear: 2023);

        var picture = BoardCharts.Share(share, EnGb);
        var image = BarChart.Render(picture, "share.png");
        using var bitmap = SKBitmap.Decode(image.Png);

        Assert.Equal(["Labour 34%", "Conservatives 25%", "Liberal Democrats 17%"], picture.Bars.Select(b => $"{b.Label} {b.Text}"));
        Assert.Equal([true, false, false], picture.Bars.Select(b => b.Marked));
        var labour = BarChart.BarRect(picture, 0);
        Assert.Equal(SKColor.Parse(PartyColours.Of(new PartyCode("Lab"))), bitmap.GetPixel((int)labour.MidX, (int)labour.MidY));
        Assert.Equal(
            "Projected national share: bar chart of each party's projected share of the vote — Labour 34% (marked), Conservatives 25%, Liberal Democrats 17%. " +
            "Labour lead by 9 points; the leader outlined. Labour 34% (-1.0 pts), Conservatives 25% (-1.0 pts), Liberal Democrats 17% (-3.0 pts), others 24% (+5.0 pts). Changes in points on 2023.",
            image.AltText);
    }
}
