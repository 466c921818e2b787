using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Pictures;
using ResultsBot.Rendering;

namespace ResultsBot.Terminal;

/// <summary>
/// The console's pictures: PNG files written to a folder (Console:ImageFolder), the path and alt text printed
/// with the post or answer. A picture that fails to draw or write is logged and never holds up the text.
/// </summary>
public sealed class ConsolePictures(PictureMaker maker, Func<ResultsBook> book, string folder, ILogger<ConsolePictures> logger)
{
    private int _written;

    /// <summary>The lines to print for an answer's picture, or none.</summary>
    public string? ForAnswer(PictureRequest? request) =>
        request is null ? null : Write(() => maker.Draw(request, book()), request.Kind.ToString().ToLowerInvariant());

    /// <summary>The lines to print for a post's picture (milestones, changes of control), or none.</summary>
    public string? ForPost(Post post) => Write(() => maker.ForPost(post, book()), Slug(post.Subject));

    private string? Write(Func<RenderedImage?> draw, string name)
    {
        try
        {
            if (draw() is not { } image)
            {
                return null;
            }

            Directory.CreateDirectory(folder);
            var number = Interlocked.Increment(ref _written);
            var path = Path.Combine(folder, $"{number:000}-{name}-{Path.GetFileNameWithoutExtension(image.FileName)}.png");
            File.WriteAllBytes(path, image.Png);
            return $"Picture: {path}\nAlt text: {image.AltText}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            logger.LogWarning("Could not draw or write a picture into {Folder}: {Reason}", folder, ex.Message);
            return null;
        }
    }

    private static string Slug(string subject) =>
        new([.. subject.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
