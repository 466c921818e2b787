using ResultsBot.Rendering.Text;
using SkiaSharp;

namespace ResultsBot.Rendering.Charts;

/// <summary>A council's new composition as a hemicycle: one dot per seat in the party's colour, the majority line, gains ringed.</summary>
public static class ChamberChart
{
    public const int Width = 900;
    public const int Height = 560;
    internal const float CentreX = Width / 2f;
    internal const float CentreY = 430;
    internal const float Radius = 330;

    public static RenderedImage Render(ChamberPicture picture)
    {
        var total = picture.Parties.Sum(p => p.Seats);
        var (seats, dot) = Hemicycle.Layout(total, CentreX, CentreY, Radius);
        var png = Canvas.Draw(Width, Height, canvas =>
        {
            Canvas.Frame(canvas, Width, Height, picture.Title, picture.Subtitle, picture.Footer);
            // The majority line goes under the dots, so no seat is hidden by it: a seat past the middle wins the chamber.
            using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = Canvas.Ink, PathEffect = SKPathEffect.CreateDash([8, 6], 0) };
            canvas.DrawLine(CentreX, CentreY + 10, CentreX, CentreY - Radius - 18, line);
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Math.Max(1.5f, dot * 0.25f), Color = Canvas.Ink };
            var seat = 0;
            foreach (var party in picture.Parties)
            {
                fill.Color = Canvas.Colour(party.Colour);
                for (var i = 0; i < party.Seats; i++, seat++)
                {
                    var (x, y) = seats[seat];
                    canvas.DrawCircle(x, y, dot, fill);
                    if (i < party.Gained)
                    {
                        canvas.DrawCircle(x, y, dot * 1.35f, ring);
                    }
                }
            }

            using var small = Fonts.Regular(14);
            Canvas.Text(canvas, $"{(total / 2) + 1} for a majority", CentreX, CentreY - Radius - 24, small, Canvas.Ink, SKTextAlign.Center);

            using var legendFont = Fonts.Regular(15);
            var x0 = 24f;
            foreach (var party in picture.Parties.Where(p => p.Seats > 0))
            {
                fill.Color = Canvas.Colour(party.Colour);
                canvas.DrawCircle(x0 + 7, CentreY + 40, 7, fill);
                var label = party.Gained > 0 ? $"{party.Name} {party.Seats} (+{party.Gained})" : $"{party.Name} {party.Seats}";
                Canvas.Text(canvas, label, x0 + 20, CentreY + 45, legendFont, Canvas.Ink);
                x0 += legendFont.MeasureText(label) + 44;
            }
        });
        return new RenderedImage("chamber.png", png, AltText(picture, total), Width, Height);
    }

    /// <summary>The seat centres as drawn, left to right: tests count the dots of each colour there.</summary>
    public static IReadOnlyList<(float X, float Y)> SeatCentres(int total) => Hemicycle.Layout(total, CentreX, CentreY, Radius).Seats;

    private static string AltText(ChamberPicture picture, int total)
    {
        var parties = string.Join(", ", picture.Parties.Where(p => p.Seats > 0).Select(p => p.Gained > 0 ? $"{p.Name} {p.Seats} (gained {p.Gained})" : $"{p.Name} {p.Seats}"));
        return $"{picture.Title}: the new council as a half circle of {total} seats, one dot each — {parties}. {(total / 2) + 1} seats are needed for a majority. {picture.Subtitle}.";
    }
}
