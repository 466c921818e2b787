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
    private readonly Dictionary<(string Subject, PostKind Kind, string Headline, bool? Images), IReadOnlyList<PostImage>> _drawn = [];
    private readonly Queue<(string, PostKind, string, bool?)> _order = new();

    /// <summary>The post's pictures for a channel with this "images" setting (see <see cref="PictureMaker.ForPost"/>).</summary>
    public IReadOnlyList<PostImage> For(Post post, bool? images)
    {
        var key = (post.Subject, post.Kind, post.Headline, images);
        try
        {
            // One drawing at a time: the workers of a post's other channels wait the few milliseconds and take it.
            lock (_gate)
            {
                if (_drawn.TryGetValue(key, out var known))
                {
                    return known;
                }

                IReadOnlyList<PostImage> drawn = [.. maker.ForPost(post, book(), images).Select(Image)];
                _drawn[key] = drawn;
                _order.Enqueue(key);
                if (_order.Count > Remembered)
                {
                    _drawn.Remove(_order.Dequeue());
                }

                return drawn;
            }
        }
        catch (Exception ex)
        {
            // Whatever went wrong in drawing (a layout gap, the native library), the post must still go out; its
            // other channels take it without trying (and logging) again.
            logger.LogWarning("The picture for {Subject} could not be drawn ({Reason}); the post goes without it", post.Subject, ex.Message);
            lock (_gate)
            {
                if (_drawn.TryAdd(key, []))
                {
                    _order.Enqueue(key);
                }
            }

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
