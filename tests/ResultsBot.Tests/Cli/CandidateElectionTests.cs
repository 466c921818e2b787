using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>Mayors and the devolved parliaments through the bot process, from PA's real test files.</summary>
public sealed class CandidateElectionTests
{
    [Fact]
    public async Task Replay_MixedFeed_PostsCallsResultsAndCorrectionsInOrderAndNeverALateRush()
    {
        using var dir = new TempDirectory();
        // Arrival order is the files' write times: a late Watford rush comes after its result.
        string[] arrivals =
        [
            "Local_Test_result_Thurrock_1.xml",
            "Mayoral_Elections_Test_rush_Croydon_1.xml",
            "Mayoral_Elections_Test_result_Croydon_1.xml",
            "Mayoral_Elections_Test_rush_Hackney_1.xml",
            "Mayoral_Elections_Test_rush_Hackney_2.xml",
            "Mayoral_Elections_Test_result_Hackney_3.xml",
            "Mayoral_Elections_Test_result_Watford_1.xml",
            "Mayoral_Elections_Test_rush_Watford_1.xml",
            "Scottish_Parliament_Test_rush_Aberdeen_Central_1.xml",
            "Scottish_Parliament_Test_result_Aberdeen_Central_1.xml",
            "Scottish_Parliament_Test_SOP_73.xml",
            "Welsh_Parliament_Test_rush_Afan_Ogwr_Rhondda_1.xml",
        ];
        dir.CopyFeed(arrivals);
        var start = new DateTime(2026, 5, 7, 1, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < arrivals.Length; i++)
        {
            File.SetLastWriteTimeUtc(dir.File(arrivals[i]), start.AddMinutes(i));
        }

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var posts = Posts.Split(stdout);
        Assert.Equal(
            [
                "Reform UK gain Thurrock from Labour",
                "Labour gain Croydon mayoralty from Conservative",
                "Labour gain Croydon mayoralty from Conservative",
                "Labour hold Hackney mayoralty",
                "Correction: Green gain Hackney mayoralty from Labour",
                "Green gain Hackney mayoralty from Labour",
                "Conservative gain Watford mayoralty from Liberal Democrat",
                "Reform UK gain Aberdeen Central from SNP",
                "Reform UK gain Aberdeen Central from SNP",
                "Afan Ogwr Rhondda: Plaid Cymru 2, Conservative 1, Liberal Democrat 1, Labour 1, Reform UK 1",
            ],
            posts.Select(p => p[0]));
        Assert.Equal(["Mayor of Croydon.", "Daniel Baker Test (Labour) is elected. Full result to follow."], posts[1][1..]);
        Assert.Equal("Daniel Baker Test (Labour) is elected with 72,594 votes (43.3%).", posts[2][2]);
        Assert.Contains("Majority 42,055 (25.1%) over Paul Lloyd Test (Conservative).", posts[2]);
        Assert.Contains("Turnout 59.6% (167,508 of 280,996).", posts[2]);
        Assert.Equal("Revision 2 corrects the call: it was \"Labour hold Hackney mayoralty\".", posts[4][1]);
        Assert.Contains("Turnout 65.0% (36,931 of 56,817), +9.3 pts on last time.", posts[8]);
    }

    [Fact]
    public async Task Ask_MayorAndSeat_AnswerFromTheFeed()
    {
        var mayor = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/mayor Hackney", "--feed", Paths.SharedFeeds);
        var seat = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/seat Aberdeen Central", "--feed", Paths.SharedFeeds);

        Assert.Equal(0, mayor.ExitCode);
        Assert.Equal(
            [
                "Green gain Hackney mayoralty from Labour",
                "Mayor of Hackney.",
                "Jim Harvey Test (Green) is elected with 62,806 votes (45.2%).",
                "Majority 36,904 (26.6%) over John Cooper Test (Labour).",
                "Turnout 76.3% (138,910 of 182,136).",
                "Green gain from Labour.",
            ],
            mayor.Stdout.Split('\n')[..6]);
        Assert.Equal(0, seat.ExitCode);
        Assert.StartsWith("Reform UK gain Aberdeen Central from SNP\nScottish Parliament constituency.\nKeith Williams Test (Reform UK) is elected with 12,368 votes (33.5%).", seat.Stdout, StringComparison.Ordinal);
    }
}
