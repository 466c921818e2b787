using Microsoft.Data.Sqlite;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class StoreFaultTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Run_DatabaseLockedWhenAResultArrives_ResultIsPostedOnceTheLockGoes()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var db = work.File("bot.db");
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        using var bot = BotProcess.Start(work.Path, "--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms", "--ConnectionStrings:ResultsBot=Data Source=" + db);
        await bot.WaitForOutputAsync(o => o.Contains("Reform UK gain Thurrock", StringComparison.Ordinal), Patience, "the first post");

        // Another process holds the write lock for longer than the bot's busy timeout (5 s).
        using (var locker = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            locker.Open();
            using var exclusive = locker.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();
            feed.CopyFeed("Local_Test_result_Adur_1.xml");
            await WaitForAsync(() => bot.Stderr.Contains("Could not store Local_Test_result_Adur_1.xml", StringComparison.Ordinal), "the store failure");
            exclusive.CommandText = "ROLLBACK";
            exclusive.ExecuteNonQuery();
        }

        await bot.WaitForOutputAsync(o => o.Contains("Labour hold Adur", StringComparison.Ordinal), Patience, "the result after the lock");
        await Task.Delay(500);
        bot.Signal("TERM");
        await bot.WaitForExitAsync(Patience);

        Assert.Equal(["Reform UK gain Thurrock from Labour", "Labour hold Adur"], Posts.Headlines(bot.Stdout));
        Assert.Contains("it will be read again", bot.Stderr, StringComparison.Ordinal);
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
