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
            Ecclesall (Sheffield): Lib Dem hold
            Eve Thornton (Lib Dem) 3,250 (50.0%, -1.7), elected
            Frank Ashdown (Labour) 1,300 (20.0%, -3.3)
            Grace Linley (Green) 950 (14.6%, +4.6)
            Harry Vale (Conservative) 700 (10.8%, -4.2)
            Ian Cole (Reform UK) 300 (4.6%, new)
            Majority 1,950.
            Turnout 6,540 (38.2%).
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
                "Ecclesall (Sheffield): Lib Dem hold",
                "Ecclesall (Sheffield): Lib Dem win",
                "Walkley (Sheffield): Green gain from Labour",
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
                "Turnout 110,508 (30.7% of 360,000).",
                "Rejected ballots 420.",
            ],
            posts[0]);
        Assert.Equal("Correction: Bradford referendum: No wins with 56.2%", posts[1][0]);
        Assert.Equal("Revision 2 corrects the earlier result: No 61,877 → 61,787.", posts[1][1]);
    }
}
