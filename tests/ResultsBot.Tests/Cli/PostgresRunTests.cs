using Npgsql;
using ResultsBot.Storage.Tests;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>The bot run as a person would, pointed at a PostgreSQL server by its connection string.</summary>
[Collection(nameof(PostgresServer))]
public sealed class PostgresRunTests(PostgresServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_OnPostgres_PostsAndARestartPostsOnlyWhatIsNew()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var database = server.NewDatabase();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_result_Adur_1.xml");
        string[] settings = ["--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms", "--ConnectionStrings:ResultsBot=" + database];

        using (var first = BotProcess.Start(work.Path, settings))
        {
            await first.WaitForOutputAsync(o => Posts.Headlines(o).Count == 2, Patience, "two posts");
            first.Signal("TERM");
            Assert.Equal(0, await first.WaitForExitAsync(Patience));
        }

        using var second = BotProcess.Start(work.Path, settings);
        await Task.Delay(1500);
        feed.CopyFeed("Local_Test_result_Bolton_1.xml");
        await second.WaitForOutputAsync(o => o.Contains("Bolton", StringComparison.Ordinal), Patience, "the new council");
        await Task.Delay(500); // a repeat, if any, would come now
        second.Signal("TERM");
        Assert.Equal(0, await second.WaitForExitAsync(Patience));

        Assert.Equal(["Bolton stays under no overall control"], Posts.Headlines(second.Stdout));
        Assert.False(File.Exists(work.File("resultsbot.db")), "no SQLite file when the state is on PostgreSQL");
        Assert.Equal(3L, Count(database, "SELECT COUNT(*) FROM messages"));
        Assert.Equal(0L, Count(database, "SELECT COUNT(*) FROM deliveries WHERE delivered_at IS NULL"));
    }

    [Fact]
    public async Task Run_OnPostgres_ServerCutsTheBotsConnections_TheNextResultIsStillPosted()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var database = server.NewDatabase();
        feed.CopyFeed("Local_Test_result_Thurrock_1.xml");
        using var bot = BotProcess.Start(work.Path, "--Feed:Source=" + feed.Path, "--Feed:PollInterval=100ms", "--ConnectionStrings:ResultsBot=" + database);
        await bot.WaitForOutputAsync(o => Posts.Headlines(o).Count == 1, Patience, "the first post");

        // As a server restart or a failover does: every connection the bot's pool holds is dead on its next use.
        Count(database, "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        feed.CopyFeed("Local_Test_result_Adur_1.xml");
        await bot.WaitForOutputAsync(o => o.Contains("Labour hold Adur", StringComparison.Ordinal), Patience, "the result after the cut");
        await Task.Delay(500);
        bot.Signal("TERM");

        Assert.Equal(0, await bot.WaitForExitAsync(Patience));
        Assert.Equal(["Reform UK gain Thurrock from Labour", "Labour hold Adur"], Posts.Headlines(bot.Stdout));
    }

    private static long Count(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }
}
