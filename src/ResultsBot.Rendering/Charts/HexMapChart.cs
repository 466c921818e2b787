using ResultsBot.Rendering.Text;
using SkiaSharp;

namespace ResultsBot.Rendering.Charts;

/// <summary>
/// The night as a hex map of Britain's councils: one hex each, in the controlling party's colour, grey for no
/// overall control, outlined while awaited, pale when not up; gains outlined in black. Title, legend, progress,
/// source and UK time on the page.
/// </summary>
public static class HexMapChart
{
    public const int Width = 900;
    public const int Height = 1100;

    internal static readonly SKColor NoOverallControl = new(0x80, 0x80, 0x80);
    internal static readonly SKColor NotUp = new(0xEC, 0xEC, 0xEC);
    internal static readonly SKColor Awaiting = SKColors.White;
    private static readonly SKColor GainOutline = new(0x11, 0x11, 0x11);

    private const float Top = 90;
    private const float Bottom = 60;
    private const float Left = 24;
    private const float LegendWidth = 250;

    public static RenderedImage Render(MapPicture picture)
    {
        var byGss = picture.Councils.ToDictionary(c => c.Gss, StringComparer.Ordinal);
        var png = Canvas.Draw(Width, Height, canvas =>
        {
            Canvas.Frame(canvas, Width, Height, picture.Title, picture.Progress, picture.Footer);
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
            foreach (var (gss, cell) in HexLayout.DistrictCells)
            {
                DrawHex(canvas, fill, stroke, Centre(cell), Size, byGss.GetValueOrDefault(gss));
            }

            if (HasCounties(picture))
            {
                DrawCountyInset(canvas, fill, stroke, byGss);
            }

            DrawLegend(canvas, picture.Legend);
        });
        return new RenderedImage("map.png", png, AltText(picture), Width, Height);
    }

    private static void DrawHex(SKCanvas canvas, SKPaint fill, SKPaint stroke, SKPoint centre, float size, MapCouncil? council)
    {
        using var path = Hexagon(centre, size * 0.96f);
        fill.Color = Fill(council);
        canvas.DrawPath(path, fill);
        if (council is { State: MapState.Awaiting })
        {
            stroke.Color = Canvas.Muted;
            stroke.StrokeWidth = 1.5f;
            canvas.DrawPath(path, stroke);
        }
        else if (council is { Gained: true })
        {
            stroke.Color = GainOutline;
            stroke.StrokeWidth = 2.5f;
            canvas.DrawPath(path, stroke);
        }
    }

    /// <summary>
    /// County councils sit over their districts, so they cannot share the district map: on a night with any, they
    /// get a small map of their own (Open Innovations' upper-tier layout) under the legend.
    /// </summary>
    private static void DrawCountyInset(SKCanvas canvas, SKPaint fill, SKPaint stroke, Dictionary<string, MapCouncil> byGss)
    {
        using var font = Fonts.Bold(15);
        Canvas.Text(canvas, "County councils", InsetLeft, InsetTop - 12, font, Canvas.Ink);
        foreach (var (gss, cell) in HexLayout.CountyCells)
        {
            DrawHex(canvas, fill, stroke, CountyCentre(cell), CountySize, byGss.GetValueOrDefault(gss));
        }
    }

    private static bool HasCounties(MapPicture picture) => picture.Councils.Any(c => HexLayout.CountyCells.ContainsKey(c.Gss));

    private const float InsetLeft = Width - LegendWidth + 10;
    private const float InsetTop = Height - Bottom - 330;
    private const float InsetWidth = LegendWidth - 34;
    private const float InsetHeight = 300;

    private static readonly (int MinQ, int MaxQ, int MinR, int MaxR) CountyBounds = (
        HexLayout.CountyCells.Values.Min(c => c.Q), HexLayout.CountyCells.Values.Max(c => c.Q),
        HexLayout.CountyCells.Values.Min(c => c.R), HexLayout.CountyCells.Values.Max(c => c.R));

    private static readonly float CountySize = Math.Min(
        InsetWidth / (MathF.Sqrt(3) * (CountyBounds.MaxQ - CountyBounds.MinQ + 1.5f)),
        InsetHeight / ((1.5f * (CountyBounds.MaxR - CountyBounds.MinR)) + 2f));

    /// <summary>Where a county council's hex is drawn in the county inset (tests sample the colour there).</summary>
    public static SKPoint CountyCentre(HexCell cell)
    {
        var x = InsetLeft + (CountySize * MathF.Sqrt(3) * (cell.Q - CountyBounds.MinQ + (((cell.R & 1) == 1) ? 0.5f : 0f))) + CountySize;
        var y = InsetTop + (CountySize * 1.5f * (CountyBounds.MaxR - cell.R)) + CountySize;
        return new SKPoint(x, y);
    }

    /// <summary>Where a council's hex is drawn: its centre, in pixels (tests sample the colour there).</summary>
    public static SKPoint Centre(HexCell cell)
    {
        var x = Left + (Size * MathF.Sqrt(3) * (cell.Q - Bounds.MinQ + (((cell.R & 1) == 1) ? 0.5f : 0f))) + Size;
        var y = Top + (Size * 1.5f * (Bounds.MaxR - cell.R)) + Size;
        return new SKPoint(x, y);
    }

    private static readonly (int MinQ, int MaxQ, int MinR, int MaxR) Bounds = (
        HexLayout.DistrictCells.Values.Min(c => c.Q), HexLayout.DistrictCells.Values.Max(c => c.Q),
        HexLayout.DistrictCells.Values.Min(c => c.R), HexLayout.DistrictCells.Values.Max(c => c.R));

    // The biggest hex that fits the map's area beside the legend.
    private static readonly float Size = Math.Min(
        (Width - Left - LegendWidth) / (MathF.Sqrt(3) * (Bounds.MaxQ - Bounds.MinQ + 1.5f)),
        (Height - Top - Bottom) / ((1.5f * (Bounds.MaxR - Bounds.MinR)) + 2f));

    private static SKColor Fill(MapCouncil? council) => council?.State switch
    {
        MapState.Controlled => Canvas.Colour(council.Colour ?? "#808080"),
        MapState.NoOverallControl => NoOverallControl,
        MapState.Awaiting => Awaiting,
        _ => NotUp,
    };

    private static SKPath Hexagon(SKPoint centre, float size)
    {
        using var builder = new SKPathBuilder();
        for (var i = 0; i < 6; i++)
        {
            // Pointy-top hexes, as an odd-r layout wants.
            var angle = MathF.PI / 180f * ((60 * i) - 30);
            var point = new SKPoint(centre.X + (size * MathF.Cos(angle)), centre.Y + (size * MathF.Sin(angle)));
            if (i == 0)
            {
                builder.MoveTo(point);
            }
            else
            {
                builder.LineTo(point);
            }
        }

        builder.Close();
        return builder.Detach();
    }

    private static void DrawLegend(SKCanvas canvas, IReadOnlyList<LegendEntry> legend)
    {
        using var font = Fonts.Regular(15);
        using var swatch = new SKPaint { IsAntialias = true };
        using var outline = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, Color = Canvas.Muted };
        var x = Width - LegendWidth + 10;
        var y = Top + 20;
        foreach (var entry in legend)
        {
            swatch.Color = Canvas.Colour(entry.Colour);
            var box = new SKRect(x, y - 13, x + 18, y + 3);
            canvas.DrawRect(box, swatch);
            if (swatch.Color == Awaiting)
            {
                canvas.DrawRect(box, outline);
            }

            Canvas.Text(canvas, $"{entry.Label} ({entry.Count})", x + 26, y, font, Canvas.Ink);
            y += 24;
        }

        using var gain = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2.5f, Color = GainOutline };
        canvas.DrawRect(new SKRect(x, y - 13, x + 18, y + 3), gain);
        Canvas.Text(canvas, "Gained tonight", x + 26, y, font, Canvas.Ink);
    }

    private static string AltText(MapPicture picture)
    {
        var onMap = picture.Councils.Where(c => HexLayout.DistrictCells.ContainsKey(c.Gss) || HexLayout.CountyCells.ContainsKey(c.Gss)).ToList();
        var awaiting = onMap.Count(c => c.State == MapState.Awaiting);
        var gains = onMap.Count(c => c.Gained);
        var legend = string.Join(", ", picture.Legend.Where(l => l.IsControl && l.Count > 0).Select(l => $"{l.Label} {l.Count}"));
        var off = picture.Councils.Count - onMap.Count;
        var offMap = off > 0 ? $" {off} council{(off == 1 ? " is" : "s are")} not on this map (newer than the layout)." : "";
        var counties = HasCounties(picture) ? " County councils are shown on a small map of their own." : "";
        return $"{picture.Title}: hex map of Great Britain's councils, one hexagon each. {picture.Progress}. " +
            $"Declared councils coloured by control: {legend}. {gains} gain{(gains == 1 ? "" : "s")} outlined in black; " +
            $"{awaiting} still to declare shown outlined; councils with no election tonight are pale.{counties}{offMap}";
    }
}
