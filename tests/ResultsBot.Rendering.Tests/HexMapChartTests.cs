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
