using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests.Support;

/// <summary>Pictures shaped like the renderer's: PNG bytes (a real signature, then filler), a file name and alt text.</summary>
public static class SamplePictures
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PostImage Map(int bytes = 2000) =>
        new("map.png", Png(bytes, 1), "Map of council control after 12 of 107 councils declared: Labour 7, Conservatives 3, no overall control 2.");

    public static PostImage Chamber(int bytes = 1500, byte fill = 2) =>
        new("chamber.png", Png(bytes, fill), "Rushmoor's new council of 39 seats: Labour 22, Conservatives 14, Liberal Democrats 3. Labour have a majority.");

    public static byte[] Png(int bytes, byte fill)
    {
        var png = new byte[Math.Max(bytes, Signature.Length)];
        Array.Fill(png, fill);
        Signature.CopyTo(png, 0);
        return png;
    }
}
