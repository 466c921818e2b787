using System.Diagnostics;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class SampleFeedTests
{
    [Fact]
    public async Task SampleFeed_IsWhatTheScriptMakesFromTheSharedData() =>
        await AssertScriptFindsNothingStale("tools/make_sample_feed.py");

    [Fact]
    public async Task CouncilTable_IsWhatTheScriptMakesFromTheRegister() =>
        await AssertScriptFindsNothingStale("tools/make_council_table.py");

    [Fact]
    public async Task SampleFeed_ChecksClean()
    {
        var (exit, stdout, stderr) = await BotProcess.RunAsync(Paths.RepoRoot, "check", Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024"));

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("checked 107 files: 0 bad", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleFeed_FinalScoreboard_MatchesTheBbcWhereTheDataAllowsAndSaysHowFarChangesReach()
    {
        var (exit, stdout, stderr) = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/scoreboard", "--feed", Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024"));

        Assert.True(exit == 0, stderr);
        var rows = stdout.Split('\n').Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Where(r => r.Length >= 4)
            .ToDictionary(r => r[0], r => r[1..]);

        // The BBC's published 2024 totals: councils Lab 51 (+8), LD 12 (+2), Con 6 (-10); councillors elected
        // Lab 1,158 (+ Coventry's Radford, decided weeks later, which the data counts), LD 522, Con 515, Green 181.
        Assert.Equal(["51", "+8", "1,159"], rows["Labour"][..3]);
        Assert.Equal(["12", "+2", "522"], rows["Liberal Democrats"][..3]);
        Assert.Equal(["6", "-10", "515"], rows["Conservatives"][..3]);
        Assert.Equal("181", rows["Greens"][2]);

        // The changes are the data's BBC-basis figures, summed only where a council gives them: a reporter can redo the sum.
        var data = CsvRows(Path.Combine(Paths.SharedData, "england-locals-2024.csv"));
        foreach (var (party, column) in new[] { ("Labour", "chg_lab"), ("Conservatives", "chg_con"), ("Liberal Democrats", "chg_ld"), ("Greens", "chg_grn") })
        {
            var sum = data.Where(r => r[column].Length > 0).Sum(r => int.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(sum.ToString("+#,0;-#,0;±0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), rows[party][3]);
        }

        var covered = data.Count(r => r.Where(c => c.Key.StartsWith("chg_", StringComparison.Ordinal)).Any(c => c.Value.Length > 0));
        Assert.Equal(75, covered);
        Assert.Contains($"on the {covered} of 107 councils that give it (10 of them for some parties only): a total for those councils, not a national change.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleFeed_LastMilestone_UsesTheScoreboardsBasis()
    {
        var (exit, stdout, stderr) = await BotProcess.RunAsync(Paths.RepoRoot, "replay", Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024"));

        Assert.True(exit == 0, stderr);
        var milestone = stdout[stdout.IndexOf("All 107 councils have declared", StringComparison.Ordinal)..];
        Assert.Contains("Labour: 51 councils (+8), 1,159 councillors elected (+116)", milestone, StringComparison.Ordinal);
        Assert.Contains("on the 75 of 107 councils that give it", milestone, StringComparison.Ordinal);
        Assert.DoesNotContain("feed", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Revision", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("majority of -", stdout, StringComparison.Ordinal);
    }

    /// <summary>A generator's --check: what is committed is what the script makes from ../shared today.</summary>
    private static async Task AssertScriptFindsNothingStale(string script)
    {
        var info = new ProcessStartInfo("python3", [script, "--check"])
        {
            WorkingDirectory = Paths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
    }

    private static List<Dictionary<string, string>> CsvRows(string path)
    {
        // The data has no quoted fields: council names carry no commas.
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second.Trim()))];
    }
}
