using ResultsBot.Application.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Domain.Posts;
using ResultsBot.Operations;
using ResultsBot.Application.Pipeline;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

/// <summary>The one check per platform before a run sends anything: a store fault while it runs is retried, not kept for the night.</summary>
public sealed class HistoryGuardTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task MaySend_StoreLockedDuringTheCheck_FailsThisTimeAndChecksAgainNextTime()
    {
        var db = _dir.File("bot.db");
        using var store = SqliteResultsStore.Open("Data Source=" + db, TimeProvider.System);
        store.Accept("council/adur", 1, "Adur.xml", [1], [new Post(PostKind.Declaration, "council/adur", "Labour hold Adur", ["x"])], ["history:a"]);
        var guard = new HistoryGuard(store, allowRepost: false, new FatalStop(), new Lifetime(), NullLogger<HistoryGuard>.Instance);
        var outlet = new EmptyChannels();

        // A store fault the check meets (readers are never locked out in WAL mode, so the table goes away for a moment).
        Execute(db, "ALTER TABLE deliveries RENAME TO deliveries_away");
        await Assert.ThrowsAsync<StorageException>(() => guard.MaySendAsync(outlet, CancellationToken.None));
        Execute(db, "ALTER TABLE deliveries_away RENAME TO deliveries");

        Assert.True(await guard.MaySendAsync(outlet, CancellationToken.None));
        Assert.Equal(1, outlet.Reads);
    }

    [Fact]
    public async Task MaySend_AnotherInstanceDeliversAChannel_OnlyThisInstancesChannelsAreReadBack()
    {
        // Another instance posts to its channel between this one reading what is waiting and reading the channel: the
        // posts are there, and the database is no less right. Only the channels this instance delivers are evidence.
        using var store = SqliteResultsStore.Open("Data Source=" + _dir.File("bot.db"), TimeProvider.System);
        store.Accept("council/adur", 1, "Adur.xml", [1], [new Post(PostKind.Declaration, "council/adur", "Labour hold Adur", ["x"])], ["history:theirs", "history:mine"]);
        using var coordination = new SomeChannelsHere("history:mine");
        var fatal = new FatalStop();
        var guard = new HistoryGuard(store, allowRepost: false, fatal, new Lifetime(), NullLogger<HistoryGuard>.Instance, coordination);
        var outlet = new EmptyChannels { PostedBySomeoneElse = "theirs" };

        Assert.True(await guard.MaySendAsync(outlet, CancellationToken.None));
        Assert.Equal(["mine"], outlet.Read);
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private sealed class EmptyChannels : IPlatformOutlet, IChannelHistory
    {
        public int Reads => Read.Count;

        public List<string> Read { get; } = [];

        /// <summary>A channel that shows every post asked about, as when another instance delivered them meanwhile.</summary>
        public string? PostedBySomeoneElse { get; init; }

        public string Platform => "history";

        public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken) => Task.FromResult<string?>("m1");

        public Task<IReadOnlyList<long>> AlreadyThereAsync(string channelId, IReadOnlyList<OutgoingPost> posts, CancellationToken cancellationToken)
        {
            Read.Add(channelId);
            return Task.FromResult<IReadOnlyList<long>>(channelId == PostedBySomeoneElse ? [.. posts.Select(p => p.DeliveryId)] : []);
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
