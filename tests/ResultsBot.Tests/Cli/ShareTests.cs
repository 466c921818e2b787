using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class ShareTests
{
    private const string SetCommand = "/share set Lab 34 Con 25 LD 17 source \"BBC projected national share\"";

    [Fact]
    public async Task Share_NoneInFeed_SaysPlainlyThereIsNone()
    {
        var (exit, stdout, _) = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/share", "--feed", Paths.SharedFeeds);

        Assert.Equal(0, exit);
        Assert.StartsWith("No projected national share yet.", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("%", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareSet_NotAnAdmin_IsRefusedAndNothingIsStored()
    {
        using var work = new TempDirectory();
        var db = "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db");

        var (exit, stdout, _) = await BotProcess.RunAsync(work.Path, "ask", SetCommand, "--feed", Paths.SharedFeeds, db);
        var (_, after, _) = await BotProcess.RunAsync(work.Path, "ask", "/share", "--feed", Paths.SharedFeeds, db);

        Assert.Equal(1, exit);
        Assert.Equal("Only the bot's configured admins can set the projected national share, because it is posted to every subscribed channel on every server and on Slack; managing this channel is not enough.", stdout.Trim());
        Assert.StartsWith("No projected national share yet.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareSet_ByAdmin_IsStoredWithSourceTimeAndWhoSetIt()
    {
        using var work = new TempDirectory();
        var db = "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db");

        var (exit, stdout, _) = await BotProcess.RunAsync(work.Path, "ask", SetCommand, "--feed", Paths.SharedFeeds, db, "--Admins:0=console");
        var (_, after, _) = await BotProcess.RunAsync(work.Path, "ask", "/share", "--feed", Paths.SharedFeeds, db);

        Assert.Equal(0, exit);
        Assert.Equal("Projected national share set: Labour 34%, Conservatives 25%, Liberal Democrats 17%, others 24% (BBC projected national share). Labour lead by 9 points.", stdout.Trim());
        var lines = after.Trim().Split('\n');
        Assert.Equal("Projected national share: Labour 34%, Conservatives 25%, Liberal Democrats 17%, others 24%. Labour lead by 9 points.", lines[0]);
        Assert.Matches(@"^Source: BBC projected national share, \d{1,2} \w+ \d{4}, \d\d:\d\d UK time \(entered by console\)\.$", lines[1]);
    }

    [Fact]
    public async Task Share_NationalShareFileInFeed_LatestRevisionIsReportedAndPosted()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml");
        File.WriteAllText(dir.File("pns_1.xml"), """
            <NationalShare revision="1" source="BBC projected national share" time="2024-05-03T12:00:00+01:00">
              <Share party="Lab" percent="33"/><Share party="C" percent="26"/><Share party="LD" percent="17"/>
            </NationalShare>
            """);
        File.WriteAllText(dir.File("pns_2.xml"), """
            <NationalShare revision="2" source="BBC projected national share" time="2024-05-03T16:00:00+01:00" previousYear="2023">
              <Share party="Lab" percent="34" previous="35"/><Share party="C" percent="25" previous="26"/><Share party="LD" percent="17" previous="20"/>
            </NationalShare>
            """);

        var (_, answer, _) = await BotProcess.RunAsync(dir.Path, "ask", "/share", "--feed", dir.Path);
        var (_, posts, _) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        // A file is not a person: who entered it is not named, and no file name appears.
        Assert.Equal(
            """
            Projected national share: Labour 34% (-1.0 pts), Conservatives 25% (-1.0 pts), Liberal Democrats 17% (-3.0 pts), others 24% (+5.0 pts). Labour lead by 9 points.
            Changes in points on 2023.
            Source: BBC projected national share, 3 May 2024, 16:00 UK time.
            """.ReplaceLineEndings("\n").TrimEnd(),
            answer.Trim().ReplaceLineEndings("\n"));
        var post = Posts.Split(posts).Last(p => p[0].StartsWith("Projected national share", StringComparison.Ordinal));
        Assert.Equal(
            [
                "Projected national share: Labour lead by 9 points",
                "Labour 34% (-1.0 pts), Conservatives 25% (-1.0 pts), Liberal Democrats 17% (-3.0 pts), others 24% (+5.0 pts).",
                "Changes in points on 2023.",
                "Source: BBC projected national share, 3 May 2024, 16:00 UK time.",
            ],
            post);
    }
}
