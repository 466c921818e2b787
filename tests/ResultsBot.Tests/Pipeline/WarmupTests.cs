using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

public sealed class WarmupTests
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task RunAsync_TheBundledSample_RendersADeclarationForEachPlatformAndDeliversItInTheScratchStoreOnly()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero));
        var discord = new RecordingWarmup();
        var slack = new RecordingWarmup();
        InMemoryResultsStore? scratch = null;
        var warmup = new Warmup(new DeclarationPostComposer(Culture), Culture, time, [discord, slack], t => scratch = new InMemoryResultsStore(t));

        await warmup.RunAsync(Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024"), CancellationToken.None);

        Assert.NotEmpty(discord.Headlines);
        Assert.Equal(discord.Headlines, slack.Headlines);
        Assert.NotNull(scratch);
        Assert.True(scratch.CountPosts() > 0);
        Assert.Empty(scratch.ChannelsWithPending());
    }

    [Fact]
    public async Task RunAsync_NoSample_DoesNothing()
    {
        using var empty = new TempDirectory();
        var platform = new RecordingWarmup();
        var made = false;
        var warmup = new Warmup(new DeclarationPostComposer(Culture), Culture, TimeProvider.System, [platform], t => { made = true; return new InMemoryResultsStore(t); });

        await warmup.RunAsync(empty.Path, CancellationToken.None);

        Assert.Empty(platform.Headlines);
        Assert.False(made);
    }

    private sealed class RecordingWarmup : IPlatformWarmup
    {
        public List<string> Headlines { get; } = [];

        public void Render(Post post) => Headlines.Add(post.Headline);
    }
}
