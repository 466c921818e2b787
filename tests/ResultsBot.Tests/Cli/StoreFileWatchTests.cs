using ResultsBot.Application.Operations;
using Microsoft.Data.Sqlite;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>
/// The database file deleted or swapped while the bot runs: SQLite would go on writing into the deleted
/// file and the next start would post the night again, so the bot alerts the operations channel and stops
/// with one "error:" line and a non-zero exit.
/// </summary>
public sealed class StoreFileWatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Run_DatabaseFileDeleted_AlertsAndStopsWithOneErrorLine()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var db = work.File("bot.db");
        using var bot = await StartAndPostAsync(feed, work, db);

        File.Delete(db);
        var exit = await bot.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exit);
        var error = Assert.Single(bot.Stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal($"error: stopped because the database file {db} has been deleted or moved while the bot was running; restore the database and start the bot again", error.TrimEnd());
        Assert.Contains("ResultsBot stopped: its database is gone", bot.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DatabaseFileReplacedByAnother_AlertsAndStopsWithOneErrorLine()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var db = work.File("bot.db");
        using var bot = await StartAndPostAsync(feed, work, db);
        var other = work.File("other.db");
        SqliteResultsStore.Open("Data Source=" + other, TimeProvider.System).Dispose();
        SqliteConnection.ClearAllPools();

        File.Move(other, db, overwrite: true);
        var exit = await bot.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exit);
        var error = Assert.Single(bot.Stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal($"error: stopped because the database file {db} has been replaced by another file while the bot was running; restore the database and start the bot again", error.TrimEnd());
    }

    private static async Task<BotProcess> StartAndPostAsync(TempDirectory feed, TempDirectory work, string db)
    {
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        var bot = BotProcess.Start(work.Path, "--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms", "--ConnectionStrings:ResultsBot=Data Source=" + db, "--Operations:Channel=console");
        await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the first post");
        return bot;
    }
}
