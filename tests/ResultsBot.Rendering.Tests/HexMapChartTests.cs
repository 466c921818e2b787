using System.Globalization;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Parties;
using ResultsBot.Rendering.Charts;
using ResultsBot.Rendering.Pictures;
using SkiaSharp;

namespace ResultsBot.Rendering.Tests;

public class HexMapChartTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateTimeOffset At = new(2024, 5, 3, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_HalfTheSampleNight_ColoursEveryCouncilsHexByWhatItIsTonight()
    {
        var book = SampleNight.Declared(54);
        var picture = NightMap.From(book, "PA Media", At, EnGb);

        using var bitmap = SKBitmap.Decode(HexMapChart.Render(picture).Png);

        var checkedHexes = 0;
        foreach (var (key, name) in book.KnownCouncils)
        {
            var gss = CouncilTable.Find(name)!.Gss!;
            var centre = HexMapChart.Centre(HexLayout.DistrictCells[gss]);
            var pixel = bitmap.GetPixel((int)centre.X, (int)centre.Y);
            var declaration = book.DeclarationFor(key);
            var expected = declaration is null ? SKColors.White
                : declaration.Controller.IsNoOverallControl ? HexMapChart.NoOverallControl
                : SKColor.Parse(PartyColours.Of(declaration.Controller));
            Assert.True(pixel == expected, $"{name}: {pixel} at its hex centre, expected {expected}");
            checkedHexes++;
        }

        Assert.Equal(107, checkedHexes);
        var notUp = HexLayout.DistrictCells.First(c => picture.Councils.All(p => p.Gss != c.Key)).Value;
        Assert.Equal(HexMapChart.NotUp, bitmap.GetPixel((int)HexMapChart.Centre(notUp).X, (int)HexMapChart.Centre(notUp).Y));
    }

    [Fact]
    public void Render_ANightWithCountyCouncils_DrawsThemOnASmallMapOfTheirOwn()
    {
        const string Kent = "E10000016", Essex = "E10000012", Surrey = "E10000030", Adur = "E07000223";
        var picture = new MapPicture("Council control tonight", "1 of 2 councils declared", "PA Media", [
            new MapCouncil(Kent, "Kent", MapState.Controlled, "#12B6CF", Gained: true),
            new MapCouncil(Essex, "Essex", MapState.Awaiting),
            new MapCouncil(Adur, "Adur", MapState.NoOverallControl),
        ], [new LegendEntry("Reform UK", "#12B6CF", 1)]);

        var image = HexMapChart.Render(picture);
        using var bitmap = SKBitmap.Decode(image.Png);

        Assert.Equal(SKColor.Parse("#12B6CF"), PixelAt(bitmap, HexMapChart.CountyCentre(HexLayout.CountyCells[Kent])));
        Assert.Equal(SKColors.White, PixelAt(bitmap, HexMapChart.CountyCentre(HexLayout.CountyCells[Essex])));
        Assert.Equal(HexMapChart.NotUp, PixelAt(bitmap, HexMapChart.CountyCentre(HexLayout.CountyCells[Surrey])));
        Assert.Equal(HexMapChart.NoOverallControl, PixelAt(bitmap, HexMapChart.Centre(HexLayout.DistrictCells[Adur])));
        Assert.EndsWith("councils with no election tonight are pale. County councils are shown on a small map of their own.", image.AltText, StringComparison.Ordinal);

        // A night with no county council keeps that corner empty.
        using var districtsOnly = SKBitmap.Decode(HexMapChart.Render(picture with { Councils = [picture.Councils[2]] }).Png);
        Assert.Equal(SKColors.White, PixelAt(districtsOnly, HexMapChart.CountyCentre(HexLayout.CountyCells[Kent])));
    }

    private static SKColor PixelAt(SKBitmap bitmap, SKPoint point) => bitmap.GetPixel((int)point.X, (int)point.Y);

    [Fact]
    public void Render_SamePictureTwice_GivesTheSameBytes()
    {
        var picture = NightMap.From(SampleNight.Declared(20), "PA Media", At, EnGb);

        Assert.Equal(HexMapChart.Render(picture).Png, HexMapChart.Render(picture).Png);
    }

    [Fact]
    public void Render_AltText_SaysInWordsWhatTheMapShows()
    {
        var image = HexMapChart.Render(NightMap.From(SampleNight.Declared(107), "PA Media", At, EnGb));

        Assert.Equal(
            "Council control tonight: hex map of Great Britain's councils, one hexagon each. 107 of 107 councils declared. " +
            "Declared councils coloured by control: Labour 51, Liberal Democrats 12, Conservatives 6, Residents 2, No overall control 36. " +
            "12 gains outlined in black; 0 still to declare shown outlined; councils with no election tonight are pale.",
            image.AltText);
    }

    [Fact]
    public void Render_AltTextEarlyInTheNight_ListsControlOnlyAndCountsTheRestAsStillToDeclare()
    {
        var image = HexMapChart.Render(NightMap.From(SampleNight.Declared(1), "PA Media", At, EnGb));

        Assert.Contains("1 of 107 councils declared. Declared councils coloured by control: Labour 1. 1 gain outlined in black; 106 still to declare shown outlined;", image.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Fonts_AreTheProjectsOwnSoLabelsDrawOnAMachineWithNone()
    {
        // Labels are drawn only with the typefaces embedded in the rendering assembly (loaded from a stream),
        // never looked up by family name, so a server without fonts draws the same pixels.
        using var font = Text.Fonts.Regular(12);
        Assert.Equal("DejaVu Sans", font.Typeface.FamilyName);
        using var bitmap = SKBitmap.Decode(HexMapChart.Render(NightMap.From(SampleNight.Declared(5), "PA Media", At, EnGb)).Png);

        var inked = 0;
        for (var x = 24; x < 300; x++)
        {
            for (var y = 16; y < 44; y++)
            {
                inked += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
            }
        }

        Assert.True(inked > 200, $"the title drew {inked} dark pixels");
    }
}
