using ResultsBot.Domain.Posts;

namespace ResultsBot.Platforms;

/// <summary>
/// Renders a post as the platform would, sending nothing. Each platform registers one, so the warm-up before
/// the night compiles its renderer and the first real declaration does not pay for it.
/// </summary>
public interface IPlatformWarmup
{
    void Render(Post post);
}
