using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class RunVerbTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly string[] Councils =
    [
        "Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Birmingham", "Bradford", "Brent", "Bromley", "Burnley",
        "Bury", "Calderdale", "Camden", "Cheltenham", "Coventry", "Croydon", "Dudley", "Ealing", "Exeter", "Thurrock",
    ];

    [Fact]
    public async Task Run_WatchedFolderKilledPartWayAndRestarted_PostsEveryCouncilAtMostOneRepeat()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        string[] settings = ["--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms", "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db")];

        string firstRun;
        using (var bot = BotProcess.Start(work.Path, settings))
        {
            foreach (var council in Councils[..12])
            {
                feed.CopyFeed($"Local_Test_result_{council}_1.xml");
                await Task.Delay(30);
            }

            await bot.WaitForOutputAsync(o => Posts.Headlines(o).Count >= 6, Patience, "some posts");
            bot.Signal("KILL");
            await bot.WaitForExitAsync(Patience);
            firstRun = bot.Stdout;
        }

        foreach (var council in Councils[12..])
        {
            feed.CopyFeed($"Local_Test_result_{council}_1.xml");
        }

        using (var bot = BotProcess.Start(work.Path, settings))
        {
            await bot.WaitForOutputAsync(o => Councils.All(c => (firstRun + o).Contains(c, StringComparison.Ordinal)), Patience, "every council");
            await Task.Delay(500); // a repeat, if any, would come now
            bot.Signal("TERM");
            Assert.Equal(0, await bot.WaitForExitAsync(Patience));
            var headlines = Posts.Headlines(firstRun).Concat(Posts.Headlines(bot.Stdout)).ToList();

            foreach (var council in Councils)
            {
                var count = headlines.Count(h => h.Contains(council, StringComparison.Ordinal));
                Assert.InRange(count, 1, 2);
            }

            Assert.InRange(headlines.Count, Councils.Length, Councils.Length + 1);
        }
    }

    [Fact]
    public async Task Run_Restarted_DoesNotRepostWhatWasPosted()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_result_Adur_1.xml");
        string[] settings = ["--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms"];

        using (var first = BotProcess.Start(work.Path, settings))
        {
            await first.WaitForOutputAsync(o => Posts.Headlines(o).Count == 2, Patience, "two posts");
            first.Signal("TERM");
            await first.WaitForExitAsync(Patience);
        }

        Assert.True(File.Exists(work.File("resultsbot.db")), "state is kept in resultsbot.db beside the bot by default");
        using var second = BotProcess.Start(work.Path, settings);
        await Task.Delay(1500);
        feed.CopyFeed("Local_Test_result_Bolton_1.xml");
        await second.WaitForOutputAsync(o => o.Contains("Bolton", StringComparison.Ordinal), Patience, "the new council");
        second.Signal("TERM");
        await second.WaitForExitAsync(Patience);

        Assert.Equal(["Bolton stays under no overall control"], Posts.Headlines(second.Stdout));
        Assert.Contains("3 declared", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CommandsOnStdin_AreAnsweredWhilePosting()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        using var bot = BotProcess.Start(work.Path, "--Feed:Source=" + feed.Path);
        await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the post");

        await bot.Stdin.WriteLineAsync("/council thurrock");
        await bot.Stdin.FlushAsync();
        await bot.WaitForOutputAsync(o => o.Contains("Reform UK majority of 1", StringComparison.Ordinal) && Posts.Split(o).Count == 2, Patience, "the answer");
        await bot.Stdin.WriteLineAsync("/scoreboard");
        await bot.Stdin.FlushAsync();
        await bot.WaitForOutputAsync(o => o.Contains("Scoreboard: 1 council declared\nParty ", StringComparison.Ordinal), Patience, "the scoreboard");

        bot.Signal("TERM");
        Assert.Equal(0, await bot.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task Run_StdinClosed_KeepsPostingUntilSignalled()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        using var bot = BotProcess.Start(work.Path, "--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms");
        bot.Stdin.Close();
        await Task.Delay(1000);
        Assert.False(bot.HasExited);

        feed.CopyFeed("Local_Test_result_Adur_1.xml");
        await bot.WaitForOutputAsync(o => o.Contains("Labour hold Adur", StringComparison.Ordinal), Patience, "a post after stdin closed");

        bot.Signal("TERM");
        Assert.Equal(0, await bot.WaitForExitAsync(Patience));
    }

    [Fact]
    public async Task Run_NoConfiguration_ReplaysTheBundledSample()
    {
        using var work = new TempDirectory();
        using var bot = BotProcess.Start(work.Path, "--Replay:Speed=100000");
        bot.Stdin.Close();

        await bot.WaitForOutputAsync(o => o.Contains("All 107 councils have declared", StringComparison.Ordinal), Patience, "the whole sample and its last milestone");
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        var headlines = Posts.Headlines(bot.Stdout);
        Assert.Equal(
            ["A quarter of councils declared: 27 of 107", "Half of councils declared: 54 of 107", "Three quarters of councils declared: 81 of 107", "All 107 councils have declared"],
            headlines.Where(h => h.Contains("councils", StringComparison.Ordinal)));
        Assert.Equal(107 + 4, headlines.Count);
        Assert.Contains("Labour gain Thurrock from no overall control", headlines);
        Assert.Contains("Conservatives lose Basildon to no overall control", headlines);
        Assert.Contains("Bolton stays under no overall control", headlines);
        Assert.Contains("Labour gain Rushmoor from Conservatives", headlines);
        Assert.Contains("Labour hold Sunderland", headlines);
        Assert.Contains("Residents hold Castle Point", headlines);
    }
}
