using System.Diagnostics;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class SampleFeedTests
{
    [Fact]
    public async Task SampleFeed_IsWhatTheScriptMakesFromTheSharedData()
    {
        var info = new ProcessStartInfo("python3", ["tools/make_sample_feed.py", "--check"])
        {
            WorkingDirectory = Paths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var script = Process.Start(info)!;
        var output = await script.StandardOutput.ReadToEndAsync() + await script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();

        Assert.True(script.ExitCode == 0, output);
    }

    [Fact]
    public async Task SampleFeed_ChecksClean()
    {
        var (exit, stdout, stderr) = await BotProcess.RunAsync(Paths.RepoRoot, "check", Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024"));

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("checked 107 files: 0 bad", stderr, StringComparison.Ordinal);
    }
}
