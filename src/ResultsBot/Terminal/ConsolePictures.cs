using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Platforms;

namespace ResultsBot.Terminal;

/// <summary>
/// The console's pictures: PNG files written to a folder (Console:ImageFolder), the path and alt text printed
/// with the post or answer. A picture that cannot be written is logged and never holds up the text.
/// </summary>
public sealed class ConsolePictures(string folder, ILogger<ConsolePictures> logger)
{
    private int _written;

    /// <summary>The lines to print for the pictures of a post or an answer about <paramref name="subject"/>, or null for none.</summary>
    public string? Write(IEnumerable<PostImage> images, string subject)
    {
        var lines = images.Select(image => Write(image, subject)).OfType<string>().ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>The lines to print for an answer's picture (/map, /chamber, /chart…), drawn now; null when it has none.</summary>
    public string? ForAnswer(CommandAnswer answer, IBotCommands commands) =>
        answer.Picture is { } request && commands.DrawPicture(request) is { } image
            ? Write([image], request.Kind.ToString().ToLowerInvariant())
            : null;

    private string? Write(PostImage image, string subject)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var number = Interlocked.Increment(ref _written);
            var path = Path.Combine(folder, $"{number:000}-{Slug(subject)}-{Path.GetFileNameWithoutExtension(image.FileName)}.png");
            File.WriteAllBytes(path, image.Png);
            return $"Picture: {path}\nAlt text: {image.AltText}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            logger.LogWarning("Could not write a picture into {Folder}: {Reason}", folder, ex.Message);
            return null;
        }
    }

    private static string Slug(string subject) =>
        new([.. subject.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
