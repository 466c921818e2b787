using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;
using ResultsBot.Rendering;

namespace ResultsBot.Pictures;

/// <summary>
/// The pictures the platforms send, drawn from the night's book when a post or an answer goes out. Drawing
/// never holds up the text: a picture that fails is logged once per kind of failure and left out.
/// </summary>
public sealed class PostPictures(PictureMaker maker, Func<ResultsBook> book, ILogger<PostPictures> logger)
{
    /// <summary>The post's pictures for a channel with this "images" setting (see <see cref="PictureMaker.ForPost"/>).</summary>
    public IReadOnlyList<PostImage> For(Post post, bool? images)
    {
        try
        {
            return [.. maker.ForPost(post, book(), images).Select(Image)];
        }
        catch (Exception ex)
        {
            // Whatever went wrong in drawing (a layout gap, the native library), the post must still go out.
            logger.LogWarning("The picture for {Subject} could not be drawn ({Reason}); the post goes without it", post.Subject, ex.Message);
            return [];
        }
    }

    /// <summary>The picture an answer asks for, or null.</summary>
    public PostImage? ForAnswer(PictureRequest request)
    {
        try
        {
            return maker.Draw(request, book()) is { } image ? Image(image) : null;
        }
        catch (Exception ex)
        {
            logger.LogWarning("The {Kind} picture could not be drawn ({Reason}); the answer goes without it", request.Kind, ex.Message);
            return null;
        }
    }

    private static PostImage Image(RenderedImage image) => new(image.FileName, image.Png, image.AltText);
}
