using SkiaSharp;

namespace ResultsBot.Rendering.Text;

/// <summary>
/// The typefaces every chart draws with, loaded from the project's own files (DejaVu Sans, licence beside
/// them): a server or container with no fonts installed still draws every label, identically.
/// </summary>
internal static class Fonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("Fonts.DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("Fonts.DejaVuSans-Bold.ttf"));

    public static SKFont Regular(float size) => new(RegularFace.Value, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public static SKFont Bold(float size) => new(BoldFace.Value, size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    private static SKTypeface Load(string name)
    {
        using var stream = typeof(Fonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the font {name} is not embedded in the rendering assembly");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"the font {name} could not be read");
    }
}
