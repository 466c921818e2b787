using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;
using ResultsBot.Slack.Posts;

namespace ResultsBot.Slack.Hosting;

/// <summary>Renders the warm-up's post as a Slack message, so the first real one does not compile the renderer.</summary>
internal sealed class SlackWarmup : IPlatformWarmup
{
    public void Render(Post post) => _ = SlackPostRenderer.Render(post).ToJson("C0WARMUP").ToJsonString();
}
