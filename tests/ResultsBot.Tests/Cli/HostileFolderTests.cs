using System.Diagnostics;
using System.Text;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>
/// The acceptance of issue 20, through the real bot process: a watched folder fed good files mixed with hostile
/// ones while files already read are deleted behind the bot. Every good council is posted exactly once, each
/// hostile file is named once with its reason, and a restart posts nothing again and loses nothing.
/// </summary>
public sealed class HostileFolderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string[] FirstNight = ["Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Birmingham", "Bradford", "Brent"];
    private static readonly string[] AfterRestart = ["Bromley", "Burnley", "Bury", "Calderdale"];

    [Fact]
    public async Task Run_GoodAndHostileFilesWithReadFilesDeletedBehindTheBot_PostsEachGoodCouncilOnceNamesEachHostileFileOnceAndRestartsCleanly()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        string[] settings = ["--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms", "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db")];
        var hostile = WriteHostileFiles(feed.Path);
        await MakeFifoAsync(feed.File("hostile_pipe.xml"));

        string firstStdout;
        string firstStderr;
        using (var bot = BotProcess.Start(work.Path, settings))
        {
            foreach (var council in FirstNight)
            {
                var name = $"Local_Test_result_{council}_1.xml";
                feed.CopyFeed(name);
                await bot.WaitForOutputAsync(o => o.Contains(council, StringComparison.Ordinal), Patience, council);
                File.Delete(feed.File(name)); // routine clean-up of what was read
            }

            await Task.Delay(1000); // a repeat, or a late report, would come now
            bot.Signal("TERM");
            Assert.Equal(0, await bot.WaitForExitAsync(Patience));
            (firstStdout, firstStderr) = (bot.Stdout, bot.Stderr);
        }

        AssertEachPostedOnce(firstStdout, FirstNight);
        AssertEachNamedOnce(firstStderr, hostile);

        // An rsync puts back a file already posted; new results arrive while the bot is down.
        feed.CopyFeed("Local_Test_result_Adur_1.xml");
        foreach (var council in AfterRestart)
        {
            feed.CopyFeed($"Local_Test_result_{council}_1.xml");
        }

        using (var bot = BotProcess.Start(work.Path, settings))
        {
            await bot.WaitForOutputAsync(o => AfterRestart.All(c => o.Contains(c, StringComparison.Ordinal)), Patience, "the councils that came while it was down");
            await Task.Delay(1000);
            bot.Signal("TERM");
            Assert.Equal(0, await bot.WaitForExitAsync(Patience));

            AssertEachPostedOnce(bot.Stdout, AfterRestart);
            Assert.Equal(AfterRestart.Length, Posts.Headlines(bot.Stdout).Count);
            AssertEachNamedOnce(bot.Stderr, hostile);
        }
    }

    private static void AssertEachPostedOnce(string stdout, IEnumerable<string> councils)
    {
        var headlines = Posts.Headlines(stdout);
        foreach (var council in councils)
        {
            Assert.True(headlines.Count(h => h.Contains(council, StringComparison.Ordinal)) == 1, $"{council} not posted exactly once:\n{stdout}");
        }
    }

    private static void AssertEachNamedOnce(string stderr, IReadOnlyDictionary<string, string> hostile)
    {
        var lines = stderr.Split('\n');
        foreach (var (name, reason) in hostile)
        {
            Assert.True(lines.Count(l => l.Contains($"Skipped {name}: ", StringComparison.Ordinal)) == 1, $"{name} not named exactly once:\n{stderr}");
            Assert.Contains(lines, l => l.Contains($"Skipped {name}: {reason}", StringComparison.Ordinal));
        }

        Assert.DoesNotContain("hostile_pipe.xml", stderr, StringComparison.Ordinal); // never opened, so never a problem
        Assert.DoesNotContain("Unexpected failure", stderr, StringComparison.Ordinal);
    }

    /// <summary>Writes the hostile files; returns each name with the start of the reason it must be refused for.</summary>
    private static Dictionary<string, string> WriteHostileFiles(string folder)
    {
        var gateshead = File.ReadAllText(Paths.SharedFeedFile("Local_Test_result_Gateshead_1.xml"));
        var enfield = File.ReadAllText(Paths.SharedFeedFile("Local_Test_result_Enfield_1.xml"));
        var changeAt = gateshead.IndexOf("change='", StringComparison.Ordinal) + "change='".Length;
        var files = new Dictionary<string, (string Content, string Reason)>
        {
            ["hostile_overflow.xml"] = (gateshead[..changeAt] + "-2147483648" + gateshead[gateshead.IndexOf('\'', changeAt)..], "LocalElectionResult: <Party name="),
            ["hostile_truncated.xml"] = (enfield[..(enfield.Length / 2)], "not well-formed XML"),
            ["hostile_deep.xml"] = ("<LocalElectionResult>" + string.Concat(Enumerable.Repeat("<a>", 120_000)) + string.Concat(Enumerable.Repeat("</a>", 120_000)) + "</LocalElectionResult>", "elements are nested more than 64 deep"),
            ["hostile_votes.json"] = ("""
                {"results": [{"ballot": {"ballot_paper_id": "local.sheffield.ecclesall.2024-05-02"}, "candidate_results": [
                  {"person": {"name": "Eve Thornton"}, "party": {"ec_id": "PP90", "name": "Liberal Democrats"}, "num_ballots": 1.5, "elected": true}]}]}
                """, "Democracy Club results: local.sheffield.ecclesall.2024-05-02: num_ballots 1.5 is not a whole number"),
        };
        foreach (var (name, (content, _)) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), content, new UTF8Encoding(false));
        }

        return files.ToDictionary(f => f.Key, f => f.Value.Reason);
    }

    private static async Task MakeFifoAsync(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
