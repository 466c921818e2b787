using ResultsBot.Rendering.Text;
using SkiaSharp;

namespace ResultsBot.Rendering.Charts;

/// <summary>What every chart shares: a white page, a title, a footer with the source and UK time, PNG out.</summary>
internal static class Canvas
{
    public static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    public static readonly SKColor Muted = new(0x66, 0x66, 0x66);
    public static readonly SKColor Page = SKColors.White;

    public static SKColor Colour(string hex) => SKColor.TryParse(hex, out var colour) ? colour : new SKColor(0x80, 0x80, 0x80);

    public static byte[] Draw(int width, int height, Action<SKCanvas> draw)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(Page);
        draw(canvas);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();

        // Charts are flat colour: the Sub filter and a middling zlib level keep files small at a fraction of the
        // default's time (the encoding was most of a chart's cost). The same options give the same bytes.
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 4))
            ?? throw new InvalidOperationException("the chart could not be encoded as PNG");
        return data.ToArray();
    }

    public static void Text(SKCanvas canvas, string text, float x, float y, SKFont font, SKColor colour, SKTextAlign align = SKTextAlign.Left)
    {
        using var paint = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawText(text, x, y, align, font, paint);
    }

    /// <summary>Title at the top left, then the footer (source and time) at the bottom left.</summary>
    public static void Frame(SKCanvas canvas, int width, int height, string title, string? subtitle, string footer)
    {
        using var titleFont = Fonts.Bold(26);
        using var subtitleFont = Fonts.Regular(16);
        using var footerFont = Fonts.Regular(13);
        Text(canvas, title, 24, 40, titleFont, Ink);
        if (subtitle is not null)
        {
            Text(canvas, subtitle, 24, 64, subtitleFont, Muted);
        }

        Text(canvas, footer, 24, height - 16, footerFont, Muted);
    }
}
