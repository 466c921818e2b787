using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Application.Instances;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Platforms;
using ResultsBot.Storage.Postgres;
using static ResultsBot.Storage.Tests.Coordinating;

namespace ResultsBot.Storage.Tests;

/// <summary>
/// The server ends an instance's coordination session (its locks freed, another instance free to take its channels)
/// while the instance has not heard yet: its connection has gone silent. A post is marked attempted, and so sent, only
/// while the database shows the lease held, so it sends nothing in those seconds, and carries on once it has a session again.
/// </summary>
[Collection(nameof(PostgresServer))]
public sealed class PostgresDeliveryFenceTests(PostgresServer server)
{
    private const string Channel = "test:fenced";

    [Fact]
    public async Task DeliverPending_SessionEndedByTheServerWhileThisInstanceHasNotHeard_NothingIsSentUntilItHoldsTheLeaseAgain()
    {
        var database = server.NewDatabase();
        using var relay = new FreezableRelay(server.Port);
        using var coordination = Coordination(relay.Through(database), "fenced:1");
        using var store = PostgresResultsStore.Open(database, TimeProvider.System, coordination);
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe(Channel, SubscriptionFilter.Everything, "config", "test");
        var outlet = new RecordingOutlet();
        var dispatcher = new PostDispatcher(store, [outlet], subscriptions, new DigestComposer(CultureInfo.GetCultureInfo("en-GB")), TimeProvider.System, coordination: coordination);
        using var runs = new CancellationTokenSource();
        var running = coordination.RunAsync(_ => { }, runs.Token);
        Assert.True(await Eventually(() => coordination.Delivers(Channel)), coordination.Describe());

        Queue(store, "Adur", "Labour hold Adur");
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Equal(["Labour hold Adur"], outlet.Sent);

        // The session's connection goes silent, then the server ends the session: its locks are free, and this side
        // has heard nothing (it would, at its next beat's timeout, seconds later).
        var pid = LeaseHolder(database)!.Value;
        relay.Freeze();
        Execute(database, $"SELECT pg_terminate_backend({pid.ToString(CultureInfo.InvariantCulture)})");
        Assert.True(await Eventually(() => !SessionAlive(database, pid)), "the server did not end the session");
        Assert.True(coordination.Delivers(Channel), "the instance heard of its session's end before the test could send");

        Queue(store, "Bury", "Labour hold Bury");
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Equal(["Labour hold Adur"], outlet.Sent);
        var waiting = Assert.Single(store.PendingDeliveries(Channel));
        Assert.Equal("Labour hold Bury", waiting.Post.Headline);
        Assert.False(waiting.Attempted, "refused, the post was still marked attempted");

        // A new session takes the lease again (over a link that carries bytes), and the post goes out once.
        Assert.True(await Eventually(() => coordination.Delivers(Channel) && LeaseHolder(database) is { } holder && holder != pid), coordination.Describe());
        await dispatcher.DeliverPendingAsync(CancellationToken.None);
        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], outlet.Sent);
        Assert.Empty(store.PendingDeliveries(Channel));

        await runs.CancelAsync();
        await Stopped(running);
    }

    [Fact]
    public void MarkAttempted_ChannelOfAPartitionThisInstanceDoesNotHold_IsRefusedAndNothingIsMarked()
    {
        var database = server.NewDatabase();
        using var coordination = Coordination(database, "idle:1"); // never run: it holds nothing
        using var store = PostgresResultsStore.Open(database, TimeProvider.System, coordination);
        Queue(store, "Adur", "Labour hold Adur");
        var pending = Assert.Single(store.PendingDeliveries(Channel));

        var refused = Assert.Throws<DeliveryLeaseLostException>(() => store.MarkAttempted(Channel, pending.DeliveryId));

        Assert.Equal(Channel, refused.Channel);
        Assert.False(Assert.Single(store.PendingDeliveries(Channel)).Attempted);
    }

    private static void Queue(PostgresResultsStore store, string council, string headline) =>
        store.Accept("council/" + council, 1, council + ".xml", [1], [new Post(PostKind.Declaration, "council/" + council, headline, Array.Empty<string>())], [Channel]);

    private static bool SessionAlive(string database, int pid) =>
        Scalar(database, $"SELECT count(*) FROM pg_stat_activity WHERE pid = {pid.ToString(CultureInfo.InvariantCulture)}") is long n && n > 0;

    /// <summary>The backend whose session holds the lock of the channel's delivery partition, as the server sees it.</summary>
    private static int? LeaseHolder(string database) => Scalar(database, $"SELECT pid FROM pg_locks WHERE {PartitionLockOf(Channel)}") as int?;

    private sealed class RecordingOutlet : IPlatformOutlet
    {
        private readonly Lock _gate = new();
        private readonly List<string> _sent = [];

        public string Platform => "test";

        public IReadOnlyList<string> Sent
        {
            get
            {
                lock (_gate)
                {
                    return [.. _sent];
                }
            }
        }

        public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _sent.Add(post.Post.Headline);
                return Task.FromResult<string?>("m" + _sent.Count.ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}
