using Microsoft.Data.Sqlite;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// A start against a database that does not match what the channels already show (here: the database was
/// lost after the night went out) refuses to post the night again, unless told to with Store:AllowRepost.
/// </summary>
public sealed class HistoryMismatchTests
{
    private const string Token = "fake-discord-bot-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Councils = ["Adur", "Barnet", "Bury"];

    [Fact]
    public async Task Run_DatabaseLostAfterTheNightWentOut_RefusesToPostItAgainUnlessAllowed()
    {
        // Discord forgets nonces quickly here, so a repost that is allowed is not silently deduplicated by it.
        using var fake = new FakeDiscord(Token, "1234567890", new FakeDiscordRestOptions { NonceWindow = TimeSpan.FromSeconds(1) });
        var slack = new FakeSlackWebApi().AddChannels("C0NEWS");
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync([.. fake.Parts, slack, socket]);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed([.. Councils.Select(c => $"Local_Test_result_{c}_1.xml")]);
        var db = work.File("bot.db");
        using (var first = BotProcess.Start(work.Path, Settings(server, feed, db, socket)))
        {
            await Waits.UntilAsync(() => fake.Rest.MessagesIn("111").Count == 3 && slack.Messages("C0NEWS").Count == 3, first, Patience, "the night");
            first.Signal("TERM");
            await first.WaitForExitAsync(Patience);
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(work.Path, "bot.db*"))
        {
            File.Delete(file);
        }

        using (var refused = BotProcess.Start(work.Path, Settings(server, feed, db, socket)))
        {
            var exit = await refused.WaitForExitAsync(Patience);

            Assert.NotEqual(0, exit);
            var errors = refused.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 1, refused.Stderr);
            var error = errors[0];
            Assert.Matches(
                "^error: stopped before posting anything: the database does not match (discord:111|slack:C0NEWS): 3 posts it holds as never sent are there already \\(\"[^\"]+\"\\), so the database was lost, rolled back or replaced. Restore the database, or start with --Store:AllowRepost=true to post the night again$",
                error.TrimEnd());
            Assert.Equal(3, fake.Rest.MessagesIn("111").Count);
            Assert.Equal(3, slack.Messages("C0NEWS").Count);
        }

        using (var allowed = BotProcess.Start(work.Path, [.. Settings(server, feed, db, socket), "--Store:AllowRepost=true"]))
        {
            await Waits.UntilAsync(() => fake.Rest.MessagesIn("111").Count == 6 && slack.Messages("C0NEWS").Count == 6, allowed, Patience, "the night posted again");
            allowed.Signal("TERM");
            await allowed.WaitForExitAsync(Patience);
            Assert.Contains("posting them again, as Store:AllowRepost says", allowed.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_WriteAheadLogRemovedAfterACrash_RefusesToPostWhatTheChannelsAlreadyShow()
    {
        using var fake = new FakeDiscord(Token, "1234567890", new FakeDiscordRestOptions { NonceWindow = TimeSpan.FromSeconds(1) });
        var slack = new FakeSlackWebApi().AddChannels("C0NEWS");
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync([.. fake.Parts, slack, socket]);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed([.. Councils.Select(c => $"Local_Test_result_{c}_1.xml")]);
        var db = work.File("bot.db");
        using (var first = BotProcess.Start(work.Path, Settings(server, feed, db, socket)))
        {
            await Waits.UntilAsync(() => fake.Rest.MessagesIn("111").Count == 3 && slack.Messages("C0NEWS").Count == 3, first, Patience, "the night");
            first.Kill();
            await first.WaitForExitAsync(Patience);
        }

        // What was recorded since the last checkpoint lived only in the log: the database goes back in time.
        File.Delete(db + "-wal");
        File.Delete(db + "-shm");
        await Task.Delay(1500); // longer than the fake remembers nonces

        using var restarted = BotProcess.Start(work.Path, Settings(server, feed, db, socket));
        var exit = await restarted.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exit);
        Assert.Contains("error: stopped before posting anything: the database does not match", restarted.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, fake.Rest.MessagesIn("111").Count);
        Assert.Equal(3, slack.Messages("C0NEWS").Count);
    }

    private static string[] Settings(FakeServer server, TempDirectory feed, string db, FakeSlackSocketMode socket) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + db,
        "--Discord:BotToken=" + Token,
        "--Discord:ApplicationId=1234567890",
        "--Discord:Channels=111",
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
        "--Slack:AppToken=" + socket.AppToken,
        "--Slack:Channels=C0NEWS",
        "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
    ];
}
