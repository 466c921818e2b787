using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// The pictures that go with a post or an answer (maps, chambers, charts). A port: drawing is an adapter's
/// business (SkiaSharp), and the delivery and the commands only need the PNGs.
/// </summary>
public interface IPostPictures
{
    /// <summary>The pictures a post carries for a channel whose images setting is <paramref name="images"/>; none when drawing fails.</summary>
    IReadOnlyList<PostImage> For(Post post, bool? images);

    /// <summary>The picture a command asked for, or null when there is nothing to draw.</summary>
    PostImage? ForAnswer(PictureRequest request);
}
