using System.Globalization;
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
}
