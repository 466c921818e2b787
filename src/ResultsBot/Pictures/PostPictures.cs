using Microsoft.Extensions.Logging;
using ResultsBot.Application.Pipeline;
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
public sealed class PostPictures(PictureMaker maker, Func<ResultsBook> book, ILogger<PostPictures> logger) : IPostPictures
{
    // A post goes to every subscribed channel, each worker asking for its pictures in turn: drawn once, not once per
    // channel (a milestone's map for 5,000 channels was 5,000 drawings). The newest few posts are enough.
    private const int Remembered = 32;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Subject, PostKind Kind, string Headline, bool? Images), Lazy<IReadOnlyList<PostImage>>> _drawn = [];
    private readonly Queue<(string, PostKind, string, bool?)> _order = new();

    /// <summary>The post's pictures for a channel with this "images" setting (see <see cref="PictureMaker.ForPost"/>).</summary>
    public IReadOnlyList<PostImage> For(Post post, bool? images)
    {
        var key = (post.Subject, post.Kind, post.Headline, images);
        Lazy<IReadOnlyList<PostImage>>? pictures;
        lock (_gate)
        {
            if (!_drawn.TryGetValue(key, out pictures))
            {
                pictures = new(() => Draw(post, images), LazyThreadSafetyMode.ExecutionAndPublication);
                _drawn[key] = pictures;
                _order.Enqueue(key);
                if (_order.Count > Remembered)
                {
                    _drawn.Remove(_order.Dequeue());
                }
            }
        }

        // Drawn outside the lock: the workers of the same post and setting wait for the one drawing and take it, but
        // a channel wanting other pictures, or none (a Discord channel while the console draws a chamber), goes on at once.
        return pictures.Value;
    }

    private IReadOnlyList<PostImage> Draw(Post post, bool? images)
    {
        try
        {
            return [.. maker.ForPost(post, book(), images).Select(Image)];
        }
        catch (Exception ex)
        {
            // Whatever went wrong in drawing (a layout gap, the native library), the post must still go out; its
            // other channels take the empty result without trying (and logging) again.
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
