namespace ResultsBot.Rendering;

/// <summary>A picture ready to post: PNG bytes, a file name, and alt text that says in words what it shows.</summary>
public sealed record RenderedImage(string FileName, byte[] Png, string AltText, int Width, int Height);
