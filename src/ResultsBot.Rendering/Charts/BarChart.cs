using ResultsBot.Rendering.Text;
using SkiaSharp;

namespace ResultsBot.Rendering.Charts;

/// <summary>
/// Horizontal bars, one a row, in the parties' colours: signed values grow either way from a zero line, so a
/// net change reads as gains to the right and losses to the left. The marked bar (a winner) is outlined.
/// </summary>
public static class BarChart
{
    public const int Width = 900;
    internal const float RowHeight = 44;
    internal const float Top = 96;
    internal const float LabelWidth = 220;
    internal const float ChartLeft = 24 + LabelWidth;
    internal const float ChartRight = Width - 110;

    public static int HeightFor(BarPicture picture) => (int)(Top + (RowHeight * picture.Bars.Count) + 90);

    public static RenderedImage Render(BarPicture picture, string fileName = "chart.png")
    {
        var height = HeightFor(picture);
        var png = Canvas.Draw(Width, height, canvas =>
        {
            Canvas.Frame(canvas, Width, height, picture.Title, picture.Subtitle, picture.Footer);
            using var label = Fonts.Regular(17);
            using var value = Fonts.Bold(17);
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3, Color = Canvas.Ink };
            var zero = ZeroX(picture);
            for (var i = 0; i < picture.Bars.Count; i++)
            {
                var bar = picture.Bars[i];
                var rect = BarRect(picture, i);
                var y = Top + (i * RowHeight);
                Canvas.Text(canvas, bar.Label, 24, y + 27, label, Canvas.Ink);
                fill.Color = Canvas.Colour(bar.Colour);
                canvas.DrawRect(rect, fill);
                if (bar.Marked)
                {
                    canvas.DrawRect(rect, outline);
                }

                var textX = bar.Value < 0 ? rect.Left - 8 : rect.Right + 8;
                Canvas.Text(canvas, bar.Text, textX, y + 27, value, Canvas.Ink, bar.Value < 0 ? SKTextAlign.Right : SKTextAlign.Left);
            }

            using var axis = new SKPaint { Color = Canvas.Muted, StrokeWidth = 1 };
            canvas.DrawLine(zero, Top - 6, zero, Top + (RowHeight * picture.Bars.Count), axis);
            if (picture.Note is { } note)
            {
                using var small = Fonts.Regular(13);
                Canvas.Text(canvas, note, 24, Top + (RowHeight * picture.Bars.Count) + 28, small, Canvas.Muted);
            }
        });
        var bars = string.Join(", ", picture.Bars.Select(b => b.Marked ? $"{b.Label} {b.Text} (marked)" : $"{b.Label} {b.Text}"));
        var alt = $"{picture.Title}: bar chart of {picture.ValueLabel} — {bars}. {picture.Subtitle}.{(picture.Note is { } n ? " " + n : "")}";
        return new RenderedImage(fileName, png, alt, Width, height);
    }

    /// <summary>Where a bar is drawn (tests sample its colour at the middle).</summary>
    internal static SKRect BarRect(BarPicture picture, int index)
    {
        var bar = picture.Bars[index];
        var zero = ZeroX(picture);
        var scale = Scale(picture);
        var y = Top + (index * RowHeight);
        var end = zero + (float)(bar.Value * scale);
        return new SKRect(Math.Min(zero, end), y + 8, Math.Max(zero, end) + (bar.Value == 0 ? 1 : 0), y + RowHeight - 8);
    }

    private static double Min(BarPicture p) => Math.Min(0, p.Bars.Count == 0 ? 0 : p.Bars.Min(b => b.Value));

    private static double Max(BarPicture p) => Math.Max(0, p.Bars.Count == 0 ? 0 : p.Bars.Max(b => b.Value));

    private static double Scale(BarPicture p) => Max(p) - Min(p) <= 0 ? 1 : (ChartRight - ChartLeft - 60) / (Max(p) - Min(p));

    private static float ZeroX(BarPicture p) => ChartLeft + 30 + (float)(-Min(p) * Scale(p));
}
