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
}
