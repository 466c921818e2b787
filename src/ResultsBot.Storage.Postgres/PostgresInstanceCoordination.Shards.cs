using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// Shard leases: one session-level advisory lock per (shard, count), on the same connection as the feed lease, so a
/// killed instance's shards are freed with its session and taken by another within a beat or two. The keys are the
/// two-int form, a key space PostgreSQL keeps apart from the one-bigint form the feed lease and migrations use.
/// Instances spread the shards: each tries for one only while it holds fewer than its share (the shards divided by
/// the instances that want shards, rounded up), and one that holds more than its share for a few beats hands its
/// highest shard on, so an instance that starts late still gets its part.
/// </summary>
public sealed partial class PostgresInstanceCoordination
{
    private const int ShardLeaseClass = 0x5242_5344; // "RBSD": Discord Gateway shards
    private const string PlainName = "resultsbot coordination";
    private const string ShardsName = "resultsbot shards"; // counted: the instances that want shards
    private const int BeatsOverShareBeforeHandingOn = 3;

    private readonly Dictionary<(int Shard, int Count), TaskCompletionSource<CancellationToken>> _wantedShards = [];
    private readonly Dictionary<(int Shard, int Count), CancellationTokenSource> _heldShards = [];
    private bool _namedForShards;
    private int _beatsOverShare;

    public Task<CancellationToken> AcquireShardAsync(int shard, int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_heldShards.TryGetValue((shard, count), out var held) && !held.IsCancellationRequested)
            {
                return Task.FromResult(held.Token);
            }

            if (!_wantedShards.TryGetValue((shard, count), out var wanted))
            {
                wanted = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                _wantedShards[(shard, count)] = wanted;
            }

            return wanted.Task.WaitAsync(cancellationToken);
        }
    }

    public void ReleaseShard(int shard, int count)
    {
        lock (_gate)
        {
            _wantedShards.Remove((shard, count));
            if (_heldShards.Remove((shard, count), out var held))
            {
                // The lock itself is freed on the next beat (the connection belongs to the coordination loop).
                _releasing.Add((shard, count));
                held.Cancel();
            }
        }
    }

    private readonly List<(int Shard, int Count)> _releasing = [];

    private async Task KeepShardsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        List<(int Shard, int Count)> wanted, releasing;
        int held;
        lock (_gate)
        {
            wanted = [.. _wantedShards.Keys.Order()];
            releasing = [.. _releasing];
            _releasing.Clear();
            held = _heldShards.Count;
        }

        foreach (var (shard, count) in releasing)
        {
            await UnlockShardAsync(connection, shard, count, cancellationToken);
        }

        var wantsShards = wanted.Count + held > 0;
        if (wantsShards != _namedForShards)
        {
            await using var rename = new NpgsqlCommand($"SET application_name = '{(wantsShards ? ShardsName : PlainName)}'", connection);
            await rename.ExecuteNonQueryAsync(cancellationToken);
            _namedForShards = wantsShards;
        }

        if (!wantsShards)
        {
            return;
        }

        var share = (int)Math.Ceiling((wanted.Count + held) / (double)Math.Max(1, await InstancesWantingShardsAsync(connection, cancellationToken)));
        if (held < share)
        {
            _beatsOverShare = 0;
            foreach (var (shard, count) in wanted)
            {
                if (held >= share)
                {
                    break;
                }

                if (await TryLockShardAsync(connection, shard, count, cancellationToken))
                {
                    TookShard(shard, count);
                    held++;
                }
            }
        }
        else if (held > share && ++_beatsOverShare >= BeatsOverShareBeforeHandingOn)
        {
            _beatsOverShare = 0;
            await HandOnAsync(connection, cancellationToken);
        }
        else if (held <= share)
        {
            _beatsOverShare = 0;
        }
    }

    private async Task HandOnAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        (int Shard, int Count) last;
        CancellationTokenSource tenure;
        lock (_gate)
        {
            last = _heldShards.Keys.Max();
            tenure = _heldShards[last];
            _heldShards.Remove(last);
        }

        _logger.LogInformation("Handing shard {Shard} of {Count} on: this instance runs more than its share of the shards", last.Shard, last.Count);
        // The shard's connection ends first, so its next owner never overlaps with it.
        await tenure.CancelAsync();
        await UnlockShardAsync(connection, last.Shard, last.Count, cancellationToken);
    }

    private void TookShard(int shard, int count)
    {
        TaskCompletionSource<CancellationToken>? wanted;
        CancellationTokenSource tenure = new();
        lock (_gate)
        {
            if (!_wantedShards.Remove((shard, count), out wanted))
            {
                _releasing.Add((shard, count)); // given up while we were taking it
                return;
            }

            _heldShards[(shard, count)] = tenure;
        }

        _logger.LogInformation("Took the lease on shard {Shard} of {Count}", shard, count);
        wanted.TrySetResult(tenure.Token);
    }

    /// <summary>The session (and with it every shard lock) is gone: every held shard is lost and wanted again.</summary>
    private void LoseShards()
    {
        List<CancellationTokenSource> lost;
        lock (_gate)
        {
            lost = [.. _heldShards.Values];
            _heldShards.Clear();
            _releasing.Clear();
        }

        lost.ForEach(t => t.Cancel());
    }

    private string DescribeShards()
    {
        if (_heldShards.Count + _wantedShards.Count == 0)
        {
            return "";
        }

        var count = _heldShards.Keys.Concat(_wantedShards.Keys).Max(k => k.Count).ToString(CultureInfo.InvariantCulture);
        var held = _heldShards.Keys.Select(k => k.Shard).Order().Select(s => s.ToString(CultureInfo.InvariantCulture)).ToList();
        return held.Count == 0
            ? $"; runs no Discord shard of {count}"
            : $"; runs Discord shard{(held.Count == 1 ? "" : "s")} {string.Join(", ", held)} of {count}";
    }

    private static async Task<long> InstancesWantingShardsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{ShardsName}'",
            connection);
        return await command.ExecuteScalarAsync(cancellationToken) is long n ? n : 1;
    }

    private static async Task<bool> TryLockShardAsync(NpgsqlConnection connection, int shard, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({ShardLeaseClass}, {ShardKey(shard, count)})", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task UnlockShardAsync(NpgsqlConnection connection, int shard, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({ShardLeaseClass}, {ShardKey(shard, count)})", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    // Shard 1 of 2 and shard 1 of 4 are different shards (different guilds): the count is part of the key.
    private static string ShardKey(int shard, int count) => ((count * 65_536) + shard).ToString(CultureInfo.InvariantCulture);
}
