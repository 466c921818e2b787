using Microsoft.Data.Sqlite;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>
/// A failure that stops the bot must look like one: a non-zero exit (so Restart=on-failure restarts it)
/// and one clear "error:" line; a store that is only busy is waited out, never fatal.
/// </summary>
public sealed class FatalExitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Run_DamagedDatabaseAtStart_ExitsNonZeroWithOneClearErrorLine()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var db = work.File("bot.db");
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        var settings = new[] { "--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms", "--ConnectionStrings:ResultsBot=Data Source=" + db };
        using (var first = BotProcess.Start(work.Path, settings))
        {
            await first.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the first post");
            first.Signal("TERM");
            Assert.Equal(0, await first.WaitForExitAsync(Patience));
        }

        SqliteConnection.ClearAllPools();
        Damage(db);

        var (exit, _, stderr) = await BotProcess.RunAsync(work.Path, settings);

        Assert.Equal(1, exit);
        var errors = stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            $"error: the database (Data Source={db}) is damaged: SQLite Error 11: 'database disk image is malformed'. Restore it from a backup, or move it aside to start afresh (everything would be posted again).",
            Assert.Single(errors).TrimEnd());
        Assert.DoesNotContain("BackgroundService", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("fatal:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DatabaseLockedWhenAFeedAlertFallsDue_WaitsForTheLockThenSendsTheAlertOnce()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var db = work.File("bot.db");
        using var bot = BotProcess.Start(
            work.Path,
            "--Feed:Source=" + feed.Path,
            "--Feed:PollInterval=200ms",
            "--Operations:Channel=console",
            "--Operations:FeedSilentAfter=3s",
            "--ConnectionStrings:ResultsBot=Data Source=" + db);
        await WaitForAsync(() => bot.Stderr.Contains("Reading", StringComparison.Ordinal), "the bot to start reading");

        // Another program holds the write lock, longer than the bot's busy timeout, when the quiet alert falls due.
        using (var locker = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            locker.Open();
            using var exclusive = locker.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();
            await WaitForAsync(() => bot.Stderr.Contains("could not queue it for console", StringComparison.Ordinal), "the alert to meet the lock");
            await Task.Delay(TimeSpan.FromSeconds(6)); // at least one more try against the lock
            Assert.False(bot.HasExited, "the bot stopped on a locked database:\n" + bot.Stderr);
            exclusive.CommandText = "ROLLBACK";
            exclusive.ExecuteNonQuery();
        }

        await bot.WaitForOutputAsync(o => o.Contains("Feed quiet: nothing new for", StringComparison.Ordinal), Patience, "the alert after the lock");
        await Task.Delay(1000);
        bot.Signal("TERM");

        Assert.Equal(0, await bot.WaitForExitAsync(Patience));
        Assert.Single(Posts.Headlines(bot.Stdout), h => h.StartsWith("Feed quiet: nothing new for", StringComparison.Ordinal));
        Assert.Single(bot.Stderr.Split('\n'), l => l.Contains("could not queue it for console", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DatabaseLockedAtStart_WaitsForItThenPosts()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var db = work.File("bot.db");
        var settings = new[] { "--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms", "--ConnectionStrings:ResultsBot=Data Source=" + db };
        using (var first = BotProcess.Start(work.Path, settings))
        {
            await WaitForAsync(() => first.Stderr.Contains("Reading", StringComparison.Ordinal), "the database to be made");
            first.Signal("TERM");
            await first.WaitForExitAsync(Patience);
        }

        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        using var locker = new SqliteConnection($"Data Source={db};Pooling=False");
        locker.Open();
        using var exclusive = locker.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        exclusive.ExecuteNonQuery();
        using var bot = BotProcess.Start(work.Path, settings);
        await WaitForAsync(() => bot.Stderr.Contains("Waiting for the database: the database is locked by another program", StringComparison.Ordinal), "the wait");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(bot.HasExited, "the bot stopped on a locked database:\n" + bot.Stderr);
        exclusive.CommandText = "ROLLBACK";
        exclusive.ExecuteNonQuery();

        await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the post once the lock went");
        bot.Signal("TERM");
        Assert.Equal(0, await bot.WaitForExitAsync(Patience));
        Assert.DoesNotContain("error:", bot.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Stderr.Split('\n'), ErrorLogLine.IsMatch);
    }

    /// <summary>Overwrites every page after the first (the tables' pages) with junk: the header still reads, the rest does not.</summary>
    private static void Damage(string db)
    {
        var bytes = File.ReadAllBytes(db);
        Assert.True(bytes.Length > 8192, "the database is smaller than expected: " + bytes.Length);
        Array.Fill(bytes, (byte)0x5A, 4096, bytes.Length - 4096);
        File.WriteAllBytes(db, bytes);
        File.Delete(db + "-wal");
        File.Delete(db + "-shm");
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException("waited for " + what);
            }

            await Task.Delay(100);
        }
    }
}
