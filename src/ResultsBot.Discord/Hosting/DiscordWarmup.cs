using ResultsBot.Discord.Posts;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Hosting;

/// <summary>Renders the warm-up's post as a Discord message, so the first real one does not compile the renderer.</summary>
internal sealed class DiscordWarmup : IPlatformWarmup
{
    public void Render(Post post) => _ = DiscordPostRenderer.Render(post).ToJsonString();
}
