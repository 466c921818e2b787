using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Application.Pipeline;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

/// <summary>
/// A digest that went out is recorded for all its posts or for none: a crash while it is being recorded
/// must not leave part of the group queued to go out again as a digest of its own.
/// </summary>
public sealed class DigestRecordTests : IDisposable
{
    private const string Channel = "dedupe:d";
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task DeliverPending_StoppedWhileRecordingADigest_TheRestartSendsNoSecondDigest()
    {
        var db = _dir.File("bot.db");
        using var store = SqliteResultsStore.Open("Data Source=" + db, _time);
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe(Channel, SubscriptionFilter.Everything with { Digest = true, DigestWindow = TimeSpan.FromSeconds(20) }, "config", "test");
        foreach (var council in new[] { "Adur", "Bury", "Thurrock" })
        {
            store.Accept("council/" + council, 1, council + ".xml", [1], [new Post(PostKind.Declaration, "council/" + council, "Labour hold " + council, ["x"])], [Channel]);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        _time.Advance(TimeSpan.FromSeconds(20));
        var ids = store.PendingDeliveries(Channel).Select(d => d.DeliveryId).ToList();
        // The process dies after recording the digest's first post and before the second: here the write of the second fails.
        Execute(db, $"CREATE TRIGGER killed BEFORE UPDATE OF delivered_at ON deliveries WHEN NEW.id = {ids[1]} AND NEW.delivered_at IS NOT NULL BEGIN SELECT RAISE(ABORT, 'killed'); END");
        var outlet = new RememberingOutlet();
        using (var stop = new CancellationTokenSource())
        {
            var first = Dispatcher(store, subscriptions, outlet).DeliverPendingAsync(stop.Token);
            await Until(() => outlet.Messages.Count == 1);
            await Task.Delay(300, CancellationToken.None); // the record is tried and fails
            await stop.CancelAsync();
            await first;
        }

        Execute(db, "DROP TRIGGER killed");
        await Dispatcher(store, subscriptions, outlet).DeliverPendingAsync(CancellationToken.None);

        var digest = Assert.Single(outlet.Messages);
        Assert.Equal("3 councils declared\nLabour hold Adur\nLabour hold Bury\nLabour hold Thurrock", digest.ToPlainText());
        Assert.Empty(store.PendingDeliveries(Channel));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private PostDispatcher Dispatcher(SqliteResultsStore store, ChannelSubscriptions subscriptions, IPlatformOutlet outlet) =>
        new(store, [outlet], subscriptions, new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), _time);

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>A platform that finds a post sent before a crash when asked to resend it (as Slack's history and Discord's nonce and channel read do).</summary>
    private sealed class RememberingOutlet : IPlatformOutlet
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, int> _byKey = [];
        private readonly List<Post> _messages = [];

        public string Platform => "dedupe";

        public IReadOnlyList<Post> Messages
        {
            get
            {
                lock (_gate)
                {
                    return [.. _messages];
                }
            }
        }

        public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (post.Attempted && _byKey.TryGetValue(post.IdempotencyKey, out var earlier))
                {
                    return Task.FromResult<string?>("m" + earlier);
                }

                _messages.Add(post.Post);
                _byKey[post.IdempotencyKey] = _messages.Count;
                return Task.FromResult<string?>("m" + _messages.Count);
            }
        }
    }
}
