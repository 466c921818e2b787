using System.Globalization;
using ResultsBot.Domain.Parties;
using ResultsBot.Rendering.Charts;
using ResultsBot.Rendering.Pictures;
using SkiaSharp;

namespace ResultsBot.Rendering.Tests;

public class ChamberChartTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(23)]
    [InlineData(67)]
    [InlineData(106)]
    public void Render_SampleCouncil_HasOneDotPerSeatInEachPartysColour(int index)
    {
        var declaration = SampleNight.Declared(107).Declarations.ElementAt(index);
        var picture = CouncilChamber.From(declaration, "PA Media", new DateTimeOffset(2024, 5, 3, 3, 0, 0, TimeSpan.Zero), EnGb);

        using var bitmap = SKBitmap.Decode(ChamberChart.Render(picture).Png);

        var counted = ChamberChart.SeatCentres(declaration.TotalSeats)
            .Select(seat => bitmap.GetPixel((int)MathF.Round(seat.X), (int)MathF.Round(seat.Y)))
            .GroupBy(colour => colour)
            .ToDictionary(g => g.Key, g => g.Count());
        var expected = declaration.NewCouncil.GroupBy(p => SKColor.Parse(PartyColours.Of(p.Party))).ToDictionary(g => g.Key, g => g.Sum(p => p.Seats));
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), counted.OrderBy(e => e.Key.ToString()));
    }

    [Fact]
    public void Render_AltText_NamesEveryPartysSeatsAndTheMajority()
    {
        var thurrock = SampleNight.Declared(107).Declarations.Single(d => d.Council.Name == "Thurrock");

        var image = ChamberChart.Render(CouncilChamber.From(thurrock, "PA Media", DateTimeOffset.UnixEpoch, EnGb));

        Assert.Equal(
            "Thurrock: the new council as a half circle of 49 seats, one dot each — Labour 27 (gained 8), Conservatives 13, Independents 9 (gained 2). " +
            "25 seats are needed for a majority. Labour gain Thurrock from no overall control.",
            image.AltText);
    }
}
