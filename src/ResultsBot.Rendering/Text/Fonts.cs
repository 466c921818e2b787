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

    // The embedded font is read in place where the runtime maps the assembly (an UnmanagedMemoryStream over the
    // file's pages): no copy of its 1.4 MB on the native heap, and only the pages of glyphs drawn are ever read.
    private static unsafe SKTypeface Load(string name)
    {
        var stream = typeof(Fonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the font {name} is not embedded in the rendering assembly");
        SKData data;
        if (stream is UnmanagedMemoryStream mapped)
        {
            // The mapping lives as long as the assembly, i.e. the process: nothing to release.
            data = SKData.Create((IntPtr)mapped.PositionPointer, (int)mapped.Length, (_, _) => { });
        }
        else
        {
            using (stream)
            {
                data = SKData.Create(stream);
            }
        }

        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"the font {name} could not be read");
    }
}
