using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using ResultsBot.Application.Instances;
using ResultsBot.Application.Storage;
using ResultsBot.Platforms;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// Instances sharing one PostgreSQL database. The feed lease is a session-level advisory lock held on a connection of
/// its own: the server releases it the moment that session ends — the process killed (its socket closes), or its
/// machine gone silent (the server's TCP keepalives, set short for this session, end it within about ten seconds) —
/// with no expiry to tune against clock skew and no row to renew. The same connection LISTENs for what the others
/// accept and subscribe; every instance says it is alive there once a second, the reader with its role, so standbys
/// know who reads and since when no one has, and all know how many run (PostgresInstanceCoordination.Members.cs).
/// Standbys try for the lock once a second, once they have listened for a beat and a half. The same session holds this
/// instance's Discord shards and delivery partitions, two lease sets that end with it as the feed lease does.
/// </summary>
public sealed partial class PostgresInstanceCoordination : IInstanceCoordination, IShardLeases, IDisposable
{
    private const long FeedLeaseKey = 0x5265_7375_6C74_7346; // "ResultsF": the feed; migrations use "ResultsB"
    private const string PlainName = "resultsbot coordination";
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ListenBeforeReading = TimeSpan.FromSeconds(1.5);

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource<FeedLease> _acquired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _tenure;
    private DateTimeOffset? _heldSince;
    private (string Name, long At)? _readerHeard;
    private string? _trouble;
    private string _applicationName = PlainName;

    /// <param name="instance">This instance's name among the others; by default the machine's name and the process id.</param>
    public PostgresInstanceCoordination(string connectionString, TimeProvider time, ILogger<PostgresInstanceCoordination> logger, string? instance = null)
    {
        Instance = instance ?? $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
        _time = time;
        _logger = logger;
        _shards = new AdvisoryLeaseSet(ShardLeaseKind, "shards", "Discord shard", logger);
        _partitions = new AdvisoryLeaseSet(DeliveryLeaseKind, "delivery", "delivery partition", logger, AllPartitions);
        _members = new InstanceMembers(time);
        // Read when the loop connects, not here: the store, made with this, reports a string that cannot be used.
        _connectionString = connectionString;
    }

    public bool Shared => true;

    public string Instance { get; }

    public bool IsFeedReader
    {
        get
        {
            lock (_gate)
            {
                return _tenure is not null;
            }
        }
    }

    public string Describe()
    {
        lock (_gate)
        {
            if (_heldSince is { } since)
            {
                return $"feed reader: {Instance} holds the feed lease (since {since.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC)" + DescribeDelivery() + DescribeShards();
            }

            var reader = _readerHeard is var (name, at)
                ? $"the feed is read by {name}, heard {_time.GetElapsedTime(at).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s ago"
                : "no feed reader heard yet";
            return (_trouble is null ? $"standby: {Instance}; {reader}" : $"standby: {Instance}; not connected to the database ({_trouble})") + DescribeDelivery() + DescribeShards();
        }
    }

    public Task<FeedLease> AcquireFeedLeaseAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _acquired.Task.WaitAsync(cancellationToken);
        }
    }

    public async Task RunAsync(Action<StoreChange> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        try
        {
            var failures = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(LockSessions.ConnectionString(_connectionString, PlainName));
                    using var doubted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    connection.Notification += (_, e) => Heard(e.Payload, changed);
                    await connection.OpenAsync(cancellationToken);
                    await PrepareAsync(connection, cancellationToken);
                    Volatile.Write(ref _sessionDoubted, doubted);
                    Volatile.Write(ref _sessionPid, connection.ProcessID);
                    if (failures > 0)
                    {
                        _logger.LogInformation("Connected to the database again to coordinate with the other instances");
                    }

                    failures = 0;
                    Connected();
                    _applicationName = PlainName; // a new session starts with the plain application name
                    changed(StoreChange.Reconnected); // whatever was said while no one here listened is read now
                    await KeepAsync(connection, changed, doubted.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Doubt(): the session is given up (closing it frees whatever it still held) and a new one started.
                    failures++;
                    Lost("the database showed a lease of this instance's held by no session of its own");
                    await Task.Delay(Backoff(failures), _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
                {
                    failures++;
                    Lost(ex.Message);
                    if (failures == 1)
                    {
                        _logger.LogWarning("Lost the database connection that coordinates the instances ({Reason}); reconnecting", ex.Message);
                    }

                    await Task.Delay(Backoff(failures), _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: a connection that failed as the stop came (its session ended, say) is no fault to report.
                    break;
                }
            }
        }
        finally
        {
            // However it ends (a stop racing a connection the server ended, too), nothing is held any more.
            Lost(null);
        }
    }

    private static async Task PrepareAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"{LockSessions.ShortKeepalives} LISTEN {StoreChanges.Channel};", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task KeepAsync(NpgsqlConnection connection, Action<StoreChange> changed, CancellationToken cancellationToken)
    {
        long? lastBeat = null;
        var listening = _time.GetTimestamp();
        while (true)
        {
            if (lastBeat is null || _time.GetElapsedTime(lastBeat.Value) >= Beat)
            {
                lastBeat = _time.GetTimestamp();
                // Not before it has listened long enough to hear a live reader's beat: a reader that dies then is one
                // this instance knows it took over from, and the operations channel is told (an instance just started
                // or reconnected took the lease unknowing two times in ten in the failover bench).
                if (!IsFeedReader && _time.GetElapsedTime(listening) >= ListenBeforeReading && await TryLockAsync(connection, cancellationToken))
                {
                    Took();
                }

                await NameAsync(connection, cancellationToken);
                await _shards.KeepAsync(connection, _time, cancellationToken);
                if (await _partitions.KeepAsync(connection, _time, cancellationToken) > 0)
                {
                    changed(StoreChange.DeliveryTaken); // the channels' queues are this instance's to send now
                }

                // Every instance, the reader with its role. For the reader it is also the check that the session (and
                // so the lease) is still there: a dead connection fails it within the command timeout, and it stops reading.
                await SayAliveAsync(connection, cancellationToken);
            }

            // Notifications arrive while waiting; the wait ends early when one does.
            await connection.WaitAsync(Beat, cancellationToken);
        }
    }

    // The session's application name says which lease sets it wants, so each instance counts those sharing each set.
    private async Task NameAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var name = string.Join(' ', new[] { PlainName, _shards.Wanted ? _shards.Tag : null, _partitions.Wanted ? _partitions.Tag : null }.OfType<string>());
        if (name != _applicationName)
        {
            await using var rename = new NpgsqlCommand($"SET application_name = '{name}'", connection);
            await rename.ExecuteNonQueryAsync(cancellationToken);
            _applicationName = name;
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({FeedLeaseKey})", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task NotifyAsync(NpgsqlConnection connection, IReadOnlyList<string> payloads, CancellationToken cancellationToken)
    {
        // One statement: the notifications go in this order, in one round trip.
        var calls = string.Join(", ", payloads.Select((_, i) => $"pg_notify($1, ${(i + 2).ToString(CultureInfo.InvariantCulture)})"));
        await using var command = new NpgsqlCommand("SELECT " + calls, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StoreChanges.Channel });
        foreach (var payload in payloads)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Heard(string payload, Action<StoreChange> changed)
    {
        if (HeardAlive(payload) || HeardHolds(payload))
        {
            return;
        }

        if (payload.StartsWith(StoreChanges.Reader + " ", StringComparison.Ordinal))
        {
            var name = payload[(StoreChanges.Reader.Length + 1)..];
            if (name != Instance)
            {
                lock (_gate)
                {
                    _readerHeard = (name, _time.GetTimestamp());
                }
            }

            return;
        }

        if (StoreChanges.Read(payload) is { } change)
        {
            changed(change);
        }
    }

    private void Connected()
    {
        lock (_gate)
        {
            _trouble = null;
        }

        _members.Listening(); // no one could be heard while this instance was not listening
    }

    private void Took()
    {
        lock (_gate)
        {
            // Since the last reader was last heard; when none was heard, since this instance started waiting for one.
            TimeSpan? without = _readerHeard is var (_, at) ? _time.GetElapsedTime(at) : null;
            _tenure = new CancellationTokenSource();
            _heldSince = _time.GetUtcNow();
            // The last reader is told as stopped with the takeover, not again when it has gone unheard long enough.
            var previous = _readerHeard is var (name, _) ? _members.Stop(name) : null;
            _acquired.TrySetResult(new FeedLease(without, _tenure.Token) { PreviousReader = previous });
        }
    }

    private void Lost(string? trouble)
    {
        CancellationTokenSource? ended;
        Volatile.Write(ref _sessionPid, 0);
        lock (_gate)
        {
            _trouble = trouble;
            ended = _tenure;
            _tenure = null;
            _heldSince = null;
            if (ended is not null || _acquired.Task.IsCompleted)
            {
                _acquired = new TaskCompletionSource<FeedLease>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        // Not disposed: a reader may still be linking its own token to this one.
        ended?.Cancel();
        _members.Deaf(); // no one can be heard until the connection is back
        _shards.LoseAll();
        _partitions.LoseAll();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _tenure?.Dispose();
            _tenure = null;
        }
    }

    private static TimeSpan Backoff(int failures) => TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, failures - 1)));
}
