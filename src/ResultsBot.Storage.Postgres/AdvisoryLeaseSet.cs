using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using ResultsBot.Application.Instances;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// A set of leases of one kind (Discord Gateway shards, delivery partitions), each a session-level advisory lock on the
/// coordination connection, so a killed instance's leases are freed with its session and taken by another within a beat
/// or two. The keys are the two-int form, a key space PostgreSQL keeps apart from the one-bigint form the feed lease and
/// migrations use, the first int naming the kind. Instances spread the leases: each tries for one only while it holds
/// fewer than its share (the leases divided by the instances that want this kind, rounded up), and one that holds more
/// than its share for a few beats hands its highest on, so an instance that starts late still gets its part.
/// A lease handed on (or given up) is unlocked only once its open turns have ended, so its next holder never works
/// beside this one. The connection belongs to the coordination loop, which calls <see cref="KeepAsync"/> once a beat.
/// </summary>
internal sealed class AdvisoryLeaseSet(int kind, string tag, string noun, ILogger logger, IReadOnlyCollection<LeaseKey>? alwaysWanted = null)
{
    private const int BeatsOverShareBeforeHandingOn = 3;

    // A turn that does not end after this is not waited for any longer: the lock goes, and the exactly-once machinery
    // (attempt marked before send, looked up after) covers what is still in flight.
    private static readonly TimeSpan LongestDrain = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<LeaseKey, TaskCompletionSource<CancellationToken>> _wanted = [];
    private readonly Dictionary<LeaseKey, Tenure> _held = [];
    private readonly List<Tenure> _releasing = [];
    private int _beatsOverShare;

    /// <summary>The word in the session's application name that says this instance wants leases of this kind.</summary>
    public string Tag => tag;

    /// <summary>True while anything of this kind is wanted or held: the session is then counted among those sharing it.</summary>
    public bool Wanted
    {
        get
        {
            lock (_gate)
            {
                return _wanted.Count + _held.Count > 0 || alwaysWanted is { Count: > 0 };
            }
        }
    }

    /// <summary>How many leases are held now.</summary>
    public int HeldCount
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>The leases held now, in order.</summary>
    public IReadOnlyList<LeaseKey> Held
    {
        get
        {
            lock (_gate)
            {
                return [.. _held.Keys.Order()];
            }
        }
    }

    /// <summary>The leases held now and wanted, as a count of each kind's keys (the shard count, the partitions).</summary>
    public int? KeyCount
    {
        get
        {
            lock (_gate)
            {
                var keys = _held.Keys.Concat(_wanted.Keys).Concat(alwaysWanted ?? []).ToList();
                return keys.Count == 0 ? null : keys.Max(k => k.Count);
            }
        }
    }

    public Task<CancellationToken> AcquireAsync(LeaseKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_held.TryGetValue(key, out var held))
            {
                return Task.FromResult(held.Ending.Token);
            }

            return Want(key).Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Gives the lease up; its lock is freed on a later beat, once its turns have ended.</summary>
    public void Release(LeaseKey key)
    {
        lock (_gate)
        {
            _wanted.Remove(key);
            if (_held.Remove(key, out var held))
            {
                EndLocked(held);
            }
        }
    }

    public bool Holds(LeaseKey key)
    {
        lock (_gate)
        {
            return _held.ContainsKey(key);
        }
    }

    /// <summary>A turn under the lease, or null when it is not held (or is being handed on).</summary>
    public DeliveryTurn? BeginTurn(LeaseKey key)
    {
        lock (_gate)
        {
            if (!_held.TryGetValue(key, out var tenure) || tenure.Ending.IsCancellationRequested)
            {
                return null;
            }

            tenure.Turns++;
            return new DeliveryTurn(
                () =>
                {
                    lock (_gate)
                    {
                        tenure.Turns--;
                    }
                },
                tenure.Ending.Token);
        }
    }

    /// <summary>One beat: frees what was given up, then takes leases up to this instance's share, or hands its excess on.</summary>
    /// <returns>How many leases this beat took.</returns>
    public async Task<int> KeepAsync(NpgsqlConnection connection, TimeProvider time, CancellationToken cancellationToken)
    {
        await UnlockDrainedAsync(connection, time, cancellationToken);
        List<LeaseKey> wanted;
        int held, all;
        lock (_gate)
        {
            foreach (var key in alwaysWanted ?? [])
            {
                if (!_held.ContainsKey(key) && !_releasing.Exists(t => t.Key == key))
                {
                    Want(key);
                }
            }

            // One still draining is still locked by this session: trying it again would only count the lock twice.
            wanted = [.. _wanted.Keys.Where(k => !_releasing.Exists(t => t.Key == k)).Order()];
            held = _held.Count;
            all = _held.Count + _wanted.Count;
        }

        if (all == 0)
        {
            return 0;
        }

        var took = new List<LeaseKey>();
        var share = (int)Math.Ceiling(all / (double)Math.Max(1, await InstancesWantingAsync(connection, cancellationToken)));
        if (held < share)
        {
            _beatsOverShare = 0;
            // Only those no session holds are tried: one look at the locks, not a try for each of the others' leases.
            var locked = await LockedAsync(connection, cancellationToken);
            foreach (var key in wanted.Where(k => !locked.Contains(k.Lock)))
            {
                if (held >= share)
                {
                    break;
                }

                if (await TryLockAsync(connection, key, cancellationToken) && Took(key, time))
                {
                    held++;
                    took.Add(key);
                }
            }

            if (took.Count > 0)
            {
                logger.LogInformation("Took the lease on {Noun} {Keys}", took.Count == 1 ? noun : noun + "s", LeaseKey.DescribeAll(took));
            }
        }
        else if (held > share && ++_beatsOverShare >= BeatsOverShareBeforeHandingOn)
        {
            _beatsOverShare = 0;
            HandOn(held - share);
            await UnlockDrainedAsync(connection, time, cancellationToken);
        }
        else if (held <= share)
        {
            _beatsOverShare = 0;
        }

        return took.Count;
    }

    /// <summary>The session (and with it every lock) is gone: every held lease is lost and wanted again.</summary>
    public void LoseAll()
    {
        List<Tenure> lost;
        lock (_gate)
        {
            lost = [.. _held.Values];
            _held.Clear();
            _releasing.Clear();
        }

        lost.ForEach(t => t.Ending.Cancel());
    }

    // Held leases stay wanted: handed on, each is tried again should its next holder let it go.
    private TaskCompletionSource<CancellationToken> Want(LeaseKey key)
    {
        if (!_wanted.TryGetValue(key, out var wanted))
        {
            wanted = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            _wanted[key] = wanted;
        }

        return wanted;
    }

    private void HandOn(int excess)
    {
        List<LeaseKey> handed;
        lock (_gate)
        {
            handed = [.. _held.Keys.OrderDescending().Take(excess)];
            foreach (var key in handed)
            {
                _held.Remove(key, out var tenure);
                EndLocked(tenure!);
            }
        }

        logger.LogInformation(
            "Handing {Noun} {Keys} on: this instance holds more than its share of them",
            handed.Count == 1 ? noun : noun + "s",
            LeaseKey.DescribeAll(handed));
    }

    // Its holder stops at once; its lock waits for its turns to end.
    private void EndLocked(Tenure tenure)
    {
        tenure.EndingSince = DateTimeOffset.MinValue;
        _releasing.Add(tenure);
        tenure.Ending.Cancel();
    }

    private async Task UnlockDrainedAsync(NpgsqlConnection connection, TimeProvider time, CancellationToken cancellationToken)
    {
        List<Tenure> drained;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var tenure in _releasing.Where(t => t.EndingSince == DateTimeOffset.MinValue))
            {
                tenure.EndingSince = now;
            }

            drained = [.. _releasing.Where(t => t.Turns == 0 || now - t.EndingSince > LongestDrain)];
            _releasing.RemoveAll(drained.Contains);
        }

        foreach (var tenure in drained)
        {
            if (tenure.Turns > 0)
            {
                logger.LogWarning("Letting {Noun} {Key} go with a turn still running after {Seconds} s", noun, LeaseKey.DescribeAll([tenure.Key]), LongestDrain.TotalSeconds);
            }

            await UnlockAsync(connection, tenure.Key, cancellationToken);
        }
    }

    /// <summary>False when the lease was given up while this beat was taking it: its lock is freed again.</summary>
    private bool Took(LeaseKey key, TimeProvider time)
    {
        TaskCompletionSource<CancellationToken>? wanted;
        var tenure = new Tenure(key);
        lock (_gate)
        {
            if (!_wanted.Remove(key, out wanted))
            {
                // Given up while this beat was taking it.
                tenure.EndingSince = time.GetUtcNow();
                _releasing.Add(tenure);
                return false;
            }

            _held[key] = tenure;
        }

        wanted.TrySetResult(tenure.Ending.Token);
        return true;
    }

    /// <summary>
    /// The sessions that wanted leases of this kind at the last beat, this one's included; 0 before the first count.
    /// A killed instance's session ends with it, so the count falls at once, and a busy one that is slow to say it is
    /// alive is still counted.
    /// </summary>
    public int SessionsSeen => Volatile.Read(ref _sessionsSeen);

    private int _sessionsSeen;

    private async Task<long> InstancesWantingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND $1 = ANY (string_to_array(application_name, ' '))",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tag });
        var sessions = await command.ExecuteScalarAsync(cancellationToken) is long n ? n : 1;
        Volatile.Write(ref _sessionsSeen, (int)Math.Min(int.MaxValue, sessions));
        return sessions;
    }

    private async Task<HashSet<string>> LockedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT objid::text FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid::bigint = {Kind}",
            connection);
        var locked = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            locked.Add(reader.GetString(0));
        }

        return locked;
    }

    private async Task<bool> TryLockAsync(NpgsqlConnection connection, LeaseKey key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Kind}, {key.Lock})", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private async Task UnlockAsync(NpgsqlConnection connection, LeaseKey key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Kind}, {key.Lock})", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private string Kind => kind.ToString(CultureInfo.InvariantCulture);

    /// <summary>A lease held: cancelled when it ends, and the turns still open under it.</summary>
    private sealed class Tenure(LeaseKey key)
    {
        public LeaseKey Key => key;

        public CancellationTokenSource Ending { get; } = new();

        public int Turns { get; set; }

        /// <summary>When its ending was first seen by a beat (MinValue until then).</summary>
        public DateTimeOffset EndingSince { get; set; } = DateTimeOffset.MinValue;
    }
}
