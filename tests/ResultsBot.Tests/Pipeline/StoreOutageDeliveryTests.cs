using ResultsBot.Application.Operations;
using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Operations;
using ResultsBot.Application.Pipeline;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

/// <summary>
/// Posts waiting for many channels when the file system goes read-only: nothing is sent without being
/// recorded first, every post stays queued, and the log says so once, not a line per channel per retry.
/// </summary>
public sealed class StoreOutageDeliveryTests
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    [FactWithSmallFileSystem(readOnlyExt4: true)]
    public async Task DeliverPending_FileSystemReadOnlyWithThirtyChannelsWaiting_SaidOnceAndEveryPostKept()
    {
        using var disk = SmallFileSystem.TryExt4(out var why) ?? throw new InvalidOperationException(why);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 8, 2, 0, 0, TimeSpan.Zero));
        var log = new LogLines();
        var channels = Enumerable.Range(1, 30).Select(i => $"test:c{i}").ToList();
        var outlet = new CountingOutlet();
        using (var store = SqliteResultsStore.Open($"Data Source={disk.File("bot.db")};Pooling=False", time))
        {
            var subscriptions = new ChannelSubscriptions(store);
            foreach (var channel in channels)
            {
                subscriptions.Subscribe(channel, SubscriptionFilter.Everything, "config", "test");
            }

            store.Announce(new Post(PostKind.Declaration, "council/adur", "Labour hold Adur", ["Whole council up"]), channels);
            var watch = new StoreWatch(store, FeedAlertPolicy.Default, [outlet], time, Culture, log.For<StoreWatch>());
            var dispatcher = new PostDispatcher(store, [outlet], subscriptions, new DigestComposer(Culture), time, log.For<PostDispatcher>(), storeWatch: watch);
            Assert.True(disk.TryMakeReadOnly(out why), why);

            await dispatcher.DeliverPendingAsync(CancellationToken.None);

            Assert.Equal(0, outlet.Sent); // never sent without first being marked as attempted
            Assert.All(channels, c => Assert.Single(store.PendingDeliveries(c)));
            Assert.Equal("not writable since 8 May 2026, 03:00 UK time: the database file cannot be written or read", watch.Status.Split(" (")[0]);
        }

        var said = log.AtLeast(LogLevel.Warning);
        Assert.True(said.Count == 1, "logged:\n" + string.Join("\n", said));
        Assert.StartsWith("Could not store the progress of test:c", said[0], StringComparison.Ordinal);
        Assert.Contains("its posts stay queued, in order, and are tried again", said[0], StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }

    private sealed class CountingOutlet : IPlatformOutlet
    {
        private int _sent;

        public int Sent => _sent;

        public string Platform => "test";

        public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return Task.FromResult<string?>("m" + post.DeliveryId);
        }
    }

    /// <summary>What the parts under test log, as lines.</summary>
    private sealed class LogLines
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

        public ILogger<T> For<T>() => new Logger<T>(this);

        public List<string> AtLeast(LogLevel level) => [.. _lines.Where(l => l.Level >= level).Select(l => l.Text)];

        private sealed class Logger<T>(LogLines lines) : ILogger<T>
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines._lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
