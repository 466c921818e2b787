using System.Globalization;
using Microsoft.Data.Sqlite;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Application.Pipeline;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

/// <summary>A post that went out while the database was locked is recorded once the lock goes, never sent twice.</summary>
public sealed class DeliveryRecordTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task DeliverPending_StoreLockedJustAfterTheSend_RecordsItLaterAndNeverSendsAgain()
    {
        var db = _dir.File("bot.db");
        using var store = SqliteResultsStore.Open("Data Source=" + db, TimeProvider.System);
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe("lock:a", SubscriptionFilter.Everything, "config", "test");
        store.Accept("council/adur", 1, "Adur.xml", [1], [new Post(PostKind.Declaration, "council/adur", "Labour hold Adur", ["x"])], ["lock:a"]);
        using var outlet = new LockingOutlet(db);
        var dispatcher = new PostDispatcher(store, [outlet], subscriptions, new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), TimeProvider.System);

        var first = dispatcher.DeliverPendingAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5.5)); // past the store's busy timeout: the record fails at least once
        outlet.Release();
        await first;
        await dispatcher.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(1, outlet.Sends);
        Assert.Empty(store.PendingDeliveries("lock:a"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    /// <summary>Sends fine, then has another connection hold the database's write lock until released.</summary>
    private sealed class LockingOutlet(string db) : IPlatformOutlet, IDisposable
    {
        private readonly SqliteConnection _locker = new($"Data Source={db};Pooling=False");

        public int Sends { get; private set; }

        public string Platform => "lock";

        public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
        {
            Sends++;
            _locker.Open();
            using var exclusive = _locker.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();
            return Task.FromResult<string?>("m1");
        }

        public void Release()
        {
            using var rollback = _locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
            _locker.Close();
        }

        public void Dispose() => _locker.Dispose();
    }
}
