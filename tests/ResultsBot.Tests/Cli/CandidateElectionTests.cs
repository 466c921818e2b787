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
                "Croydon mayor: Daniel Baker Test (Labour) gains from Conservatives",
                "Full result — Croydon mayor: Daniel Baker Test (Labour) gains from Conservatives, beating Paul Lloyd Test by 42,055 votes",
                "Hackney mayor: John Cooper Test (Labour) holds for Labour",
                "Correction — Hackney mayor: our HH:MM post said Labour hold; Greens gain from Labour",
                "Full result — Hackney mayor: Jim Harvey Test (Green) gains from Labour, beating John Cooper Test by 36,904 votes",
                "Watford mayor: Theresa Byrne Test (Conservative) gains from Liberal Democrats, beating Paul Chapman Test by 481 votes",
                "Aberdeen Central: Keith Williams Test (Reform UK) gains from SNP",
                "Full result — Aberdeen Central: Keith Williams Test (Reform UK) gains from SNP, beating Nick Morris Test by 5,059 votes",
                "Afan Ogwr Rhondda: Plaid Cymru 2, Conservatives 1, Liberal Democrats 1, Labour 1, Reform UK 1",
            ],
            // The call was received during this run: its time is the clock's, in UK time.
            posts.Select(p => System.Text.RegularExpressions.Regex.Replace(p[0], @"our \d\d:\d\d post", "our HH:MM post")));
        Assert.Equal(["Full result to follow.", "1 mayor declared"], posts[1][1..]);
        Assert.Equal("Votes: Daniel Baker Test (Labour) 72,594 (43.3%)", posts[2][2]);
        Assert.Contains("Turnout 59.6% (167,508 of an electorate of 280,996).", posts[2]);
        Assert.Contains("Turnout 65.0% (36,931 of an electorate of 56,817), +9.3 pts on last time.", posts[8]);
        Assert.DoesNotContain(posts.SelectMany(p => p), line => line.Contains("Revision", StringComparison.Ordinal) || line.Contains("feed", StringComparison.OrdinalIgnoreCase) || line.Contains("majority of -", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_MayorAndSeat_AnswerFromTheFeed()
    {
        var mayor = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/mayor Hackney", "--feed", Paths.SharedFeeds);
        var seat = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/seat Aberdeen Central", "--feed", Paths.SharedFeeds);

        Assert.Equal(0, mayor.ExitCode);
        Assert.Equal(
            [
                "Hackney mayor: Jim Harvey Test (Green) gains from Labour, beating John Cooper Test by 36,904 votes",
                "Turnout 76.3% (138,910 of an electorate of 182,136).",
                "Votes: Jim Harvey Test (Green) 62,806 (45.2%)",
                "John Cooper Test (Labour) 25,902 (18.7%)",
            ],
            mayor.Stdout.Split('\n')[..4]);
        Assert.Equal(0, seat.ExitCode);
        Assert.StartsWith(
            "Aberdeen Central: Keith Williams Test (Reform UK) gains from SNP, beating Nick Morris Test by 5,059 votes\nScottish Parliament constituency.\nTurnout 65.0% (36,931 of an electorate of 56,817), +9.3 pts on last time.",
            seat.Stdout,
            StringComparison.Ordinal);
    }
}
