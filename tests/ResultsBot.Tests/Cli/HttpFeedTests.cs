using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class HttpFeedTests
{
    [Fact]
    public async Task Replay_Url_PostsEveryCouncilTheIndexLinks()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_result_Bolton_1.xml", "Local_Test_result_Bolton_2.xml");
        await using var server = await FeedServer.StartAsync(dir.Path);

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "replay", server.Url.ToString());

        Assert.True(exit == 0, stderr);
        Assert.Equal(
            ["Bolton stays under no overall control", "Correction: Bolton stays under no overall control", "Reform UK gain Thurrock from Labour"],
            Posts.Headlines(stdout));
    }

    [Fact]
    public async Task Run_Url_PollsWithETagsAndPostsNewFilesOnly()
    {
        using var dir = new TempDirectory();
        using var work = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml");
        await using var server = await FeedServer.StartAsync(dir.Path);
        using var bot = BotProcess.Start(work.Path, "--Feed:Source=" + server.Url, "--Feed:PollInterval=200ms");
        await bot.WaitForOutputAsync(o => o.Contains("Thurrock", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the first post");

        dir.CopyFeed("Local_Test_result_Adur_1.xml");
        await bot.WaitForOutputAsync(o => o.Contains("Labour hold Adur", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the new file");
        await Task.Delay(600);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["Reform UK gain Thurrock from Labour", "Labour hold Adur"], Posts.Headlines(bot.Stdout));
        Assert.Contains(server.Requests, r => r.StartsWith("GET /feed/Local_Test_result_Thurrock_1.xml If-None-Match=\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_FeedServerFailsThenRecovers_OperationsChannelHearsOfBothAndNothingIsLost()
    {
        using var dir = new TempDirectory();
        using var work = new TempDirectory();
        await using var server = await FeedServer.StartAsync(dir.Path);
        server.Failing = true;
        using var bot = BotProcess.Start(
            work.Path, "--Feed:Source=" + server.Url, "--Feed:PollInterval=100ms", "--Operations:Channel=console", "--Operations:FeedFailingAfter=1s");

        await bot.WaitForOutputAsync(o => o.Contains("Feed problem: results cannot be read", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the outage alert");
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml");
        server.Failing = false;
        await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock from Labour", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the result after recovery");
        await bot.WaitForOutputAsync(o => o.Contains("Feed back: readable again after", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the all-clear");
        bot.Signal("TERM");
        await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var headlines = Posts.Headlines(bot.Stdout);
        Assert.Single(headlines, h => h.StartsWith("Feed problem", StringComparison.Ordinal));
        Assert.Single(headlines, h => h.StartsWith("Feed back", StringComparison.Ordinal));
        Assert.Single(headlines, h => h == "Reform UK gain Thurrock from Labour");
    }
}
