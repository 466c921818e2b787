using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>Ward results from recorded Democracy Club JSON and referendums in our own message, through the bot process.</summary>
public sealed class BallotVerbTests
{
    private static string Fixtures(string folder) => Path.Combine(Paths.RepoRoot, "tests", "fixtures", folder);

    [Fact]
    public async Task Ask_WardInRecordedDemocracyClubFeed_AnswersWithVotesSharesAndHold()
    {
        using var dir = new TempDirectory();

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "ask", "/ward Ecclesall", "--feed", Fixtures("democracy-club"));

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(
            """
            Ecclesall (Sheffield): Liberal Democrats hold
            Eve Thornton (Liberal Democrat) 3,250 (50.0%, -1.7 pts), elected
            Frank Ashdown (Labour) 1,300 (20.0%, -3.3 pts)
            Grace Linley (Green) 950 (14.6%, +4.6 pts)
            Harry Vale (Conservative) 700 (10.8%, -4.2 pts)
            Ian Cole (Reform UK) 300 (4.6%, new)
            Majority 1,950.
            Turnout 38.2% (6,540 ballots).
            """,
            stdout.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Replay_RecordedDemocracyClubFeed_PostsWardsAndByElectionToTheConsole()
    {
        using var dir = new TempDirectory();

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "replay", Fixtures("democracy-club"));

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "Darton East (Barnsley) by-election: Reform UK gain from Labour",
                "Darton East (Barnsley): Labour win",
                "Ecclesall (Sheffield): Liberal Democrats hold",
                "Ecclesall (Sheffield): Liberal Democrats win",
                "Walkley (Sheffield): Greens gain from Labour",
                "Walkley (Sheffield): Labour win",
            ],
            Posts.Headlines(stdout).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Replay_ReferendumMessages_PostsTheResultThenTheCorrection()
    {
        using var dir = new TempDirectory();

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "replay", Fixtures("referendums"));

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var posts = Posts.Split(stdout);
        Assert.Equal(2, posts.Count);
        Assert.Equal(
            [
                "Bradford referendum: No wins with 56.2%",
                "Question: Do you want Bradford to have a directly elected mayor?",
                "No 61,877 (56.2%)",
                "Yes 48,211 (43.8%)",
                "Turnout 30.7% (110,508 of an electorate of 360,000).",
                "Rejected ballots 420.",
            ],
            posts[0]);
        Assert.Equal("Correction — Bradford referendum: our 02:10 post gave other figures; the result stands: No wins with 56.2%", posts[1][0]);
        Assert.Equal("No 61,787 (was 61,877).", posts[1][1]);
        Assert.DoesNotContain(posts.SelectMany(p => p), line => line.Contains("Revision", StringComparison.Ordinal) || line.Contains("feed", StringComparison.OrdinalIgnoreCase));
    }
}
