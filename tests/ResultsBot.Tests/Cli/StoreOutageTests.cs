using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>
/// The store failing under a running bot, on file systems the tests make (a full tmpfs, an ext4 image the
/// kernel makes read-only) and with a lock: /readyz says so at once, the operations channel is told once
/// (and given the all-clear), the log says it once rather than per file per poll, nothing is lost, and the
/// bot carries on by itself when the store recovers.
/// </summary>
public sealed class StoreOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string[] Councils =
    [
        "Adur", "Barnet", "Barnsley", "Basildon", "Bexley", "Birmingham", "Bradford", "Brent", "Brentwood", "Bromley",
        "Broxbourne", "Burnley", "Bury", "Calderdale", "Cambridge", "Camden", "Cheltenham", "Cherwell", "Chorley", "Colchester",
    ];

    [FactWithSmallFileSystem]
    public async Task Run_DiskFullMidNight_NotReadyAlertedOnceLoggedBrieflyAndCarriesOnWhenSpaceReturns()
    {
        using var disk = SmallFileSystem.TryTmpfs(2 * 1024 * 1024, out var why) ?? throw new InvalidOperationException(why);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        Drop(feed, "Local_Test_result_Thurrock_1.xml");
        using var bot = Start(work, feed, disk.File("bot.db"), url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the first post");

        var filler = disk.Fill();
        foreach (var council in Councils)
        {
            Drop(feed, $"Local_Test_result_{council}_1.xml");
        }

        var full = await Readiness.UntilAsync(http, (_, body) => body.Contains("the disk is full", StringComparison.Ordinal), Patience);
        await bot.WaitForOutputAsync(o => o.Contains("Database problem: results cannot be saved (the disk is full)", StringComparison.Ordinal), Patience, "the alert");
        await Task.Delay(TimeSpan.FromSeconds(3)); // more polls, each refused
        File.Delete(filler);
        await bot.WaitForOutputAsync(o => o.Contains("Database back: results are being saved again", StringComparison.Ordinal) && Councils.All(c => Count(o, c) == 1), Patience, "every council and the all-clear");
        var recovered = await Readiness.UntilAsync(http, (status, _) => status == HttpStatusCode.OK, Patience);
        bot.Signal("TERM");

        Assert.Equal(0, await bot.WaitForExitAsync(Patience));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.Status);
        Assert.Matches("\"store\":\"not writable since [^\"]+ UK time: the disk is full\"", full.Body);
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        var headlines = Posts.Headlines(bot.Stdout);
        Assert.All(Councils, c => Assert.Equal(1, Count(bot.Stdout, c)));
        Assert.Single(headlines, h => h.StartsWith("Database problem:", StringComparison.Ordinal));
        Assert.Single(headlines, h => h.StartsWith("Database back:", StringComparison.Ordinal));
        Assert.Equal(headlines.Count, headlines.Distinct().Count());
        // Twenty files refused on every poll for seconds: said once, not per file per poll.
        var errors = bot.Stderr.Split('\n').Count(ErrorLogLine.IsMatch);
        Assert.InRange(errors, 1, 2);
    }

    [FactWithSmallFileSystem(readOnlyExt4: true)]
    public async Task Run_FileSystemMadeReadOnlyMidNight_NotReadyAlertedOnceKeepsRunningAndLosesNothing()
    {
        using var disk = SmallFileSystem.TryExt4(out var why) ?? throw new InvalidOperationException(why);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        Drop(feed, "Local_Test_result_Thurrock_1.xml");
        var db = disk.File("bot.db");
        using (var bot = Start(work, feed, db, url))
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the first post");
            // The console cannot look back at what it printed: a post printed but not yet recorded when the disk
            // turns read-only is printed again after the restart. The test means the disk to fail after it.
            await Waits.UntilAsync(async () => await DeliveredAsync(http) >= 1, bot, Patience, "the first post recorded as delivered");

            Assert.True(disk.TryMakeReadOnly(out why), why);
            Drop(feed, "Local_Test_result_Adur_1.xml");
            var readOnly = await Readiness.UntilAsync(http, (_, body) => body.Contains("not writable since", StringComparison.Ordinal), Patience);
            await bot.WaitForOutputAsync(o => o.Contains("Database problem: results cannot be saved", StringComparison.Ordinal), Patience, "the alert");
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(bot.HasExited, "the bot stopped on a read-only file system:\n" + bot.Stderr);
            bot.Signal("TERM");

            Assert.Equal(0, await bot.WaitForExitAsync(Patience));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readOnly.Status);
            Assert.Single(Posts.Headlines(bot.Stdout), h => h.StartsWith("Database problem:", StringComparison.Ordinal));
            Assert.Equal(0, Count(bot.Stdout, "Adur"));
            Assert.InRange(bot.Stderr.Split('\n').Count(ErrorLogLine.IsMatch), 1, 2);
        }

        // The operator repairs the file system; the next start posts what the outage held back, and nothing again.
        SqliteConnection.ClearAllPools();
        disk.RepairAndRemount();
        using var again = Start(work, feed, db, $"http://127.0.0.1:{FreePorts.Next()}");
        await again.WaitForOutputAsync(o => Count(o, "Adur") == 1, Patience, "the result the outage held back");
        await Task.Delay(1000);
        again.Signal("TERM");

        Assert.Equal(0, await again.WaitForExitAsync(Patience));
        Assert.Equal(0, Count(again.Stdout, "Thurrock"));
    }

    [Fact]
    public async Task Readyz_DatabaseLocked_AnswersAtOnceAndSaysItIsLocked()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        var db = work.File("bot.db");
        using var bot = Start(work, feed, db, url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await Readiness.UntilAsync(http, (status, _) => status == HttpStatusCode.OK, Patience);

        using var locker = new SqliteConnection($"Data Source={db};Pooling=False");
        locker.Open();
        using var exclusive = locker.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        exclusive.ExecuteNonQuery();
        var slowest = TimeSpan.Zero;
        var locked = await Readiness.UntilAsync(http, (_, body) => body.Contains("locked", StringComparison.Ordinal), Patience, elapsed => slowest = elapsed > slowest ? elapsed : slowest);
        exclusive.CommandText = "ROLLBACK";
        exclusive.ExecuteNonQuery();
        var back = await Readiness.UntilAsync(http, (status, _) => status == HttpStatusCode.OK, Patience);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.Status);
        Assert.Matches("\"store\":\"not writable since [^\"]+: the database is locked by another program\"", locked.Body);
        // Asking the database would take its 5 s busy timeout; the cached answer is immediate (the bound leaves
        // room for a machine busy with other tests).
        Assert.True(slowest < TimeSpan.FromSeconds(2.5), $"/readyz took {slowest} while the database was locked");
        Assert.Equal(HttpStatusCode.OK, back.Status);
    }

    /// <summary>Posts the console has delivered and recorded, from /metrics.</summary>
    private static async Task<int> DeliveredAsync(HttpClient http)
    {
        var metrics = await http.GetStringAsync("/metrics");
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("resultsbot_posts_delivered_total{", StringComparison.Ordinal) && l.Contains("platform=\"console\"", StringComparison.Ordinal));
        return line is null ? 0 : (int)double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static BotProcess Start(TempDirectory work, TempDirectory feed, string db, string url) =>
        BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Path,
            "--Feed:PollInterval=100ms",
            "--Operations:Channel=console",
            "--Operations:FeedFailingAfter=1s",
            "--ConnectionStrings:ResultsBot=Data Source=" + db,
            // Pictures on the work disk: this test fills the database's disk, and means only the database to be short of room.
            "--Console:ImageFolder=" + Path.Combine(work.Path, "images"),
            "--urls",
            url);

    /// <summary>Copies a shared feed file in whole (written beside the folder, then moved in), as a careful fetcher would.</summary>
    private static void Drop(TempDirectory feed, string name)
    {
        var staging = feed.Path + ".staging";
        Directory.CreateDirectory(staging);
        var staged = Path.Combine(staging, name);
        File.Copy(Paths.SharedFeedFile(name), staged, overwrite: true);
        File.Move(staged, feed.File(name));
    }

    /// <summary>How many headlines name the council (as a whole word: Brent is not Brentwood).</summary>
    private static int Count(string stdout, string council) =>
        Posts.Headlines(stdout).Count(h => Regex.IsMatch(h, $@"\b{Regex.Escape(council)}\b"));
}
