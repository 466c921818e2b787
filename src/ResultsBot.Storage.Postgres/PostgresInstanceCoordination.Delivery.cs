using System.Globalization;
using Microsoft.Extensions.Logging;
using ResultsBot.Application.Instances;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// Delivery partitions: every instance wants all of them, and holds its share (<see cref="AdvisoryLeaseSet"/>); holding a
/// channel's partition is what lets an instance send to that channel. One handed on is unlocked only once the turns
/// delivering under it have ended, so the next holder, which resumes the channel's queue as a restart would, never sends
/// beside the last.
/// </summary>
public sealed partial class PostgresInstanceCoordination
{
    private const int DeliveryLeaseKind = 0x5242_444C; // "RBDL": delivery partitions

    private static readonly LeaseKey[] AllPartitions = [.. Enumerable.Range(0, DeliveryPartitions.Count).Select(p => new LeaseKey(p, DeliveryPartitions.Count))];

    private readonly AdvisoryLeaseSet _partitions;

    // The backend of the session holding the leases (0 while there is none), and what ends that session when the
    // database shows it holding less than this instance believes.
    private int _sessionPid;
    private CancellationTokenSource? _sessionDoubted;

    public bool Delivers(string channel) => _partitions.Holds(PartitionOf(channel));

    /// <summary>
    /// The advisory lock that lets this instance send to the channel, with the backend whose session must hold it for
    /// the store to check in the statement that marks a post attempted; null when this instance holds no such lease.
    /// </summary>
    internal DeliveryLease? DeliveryLeaseOn(string channel)
    {
        var pid = Volatile.Read(ref _sessionPid);
        var key = PartitionOf(channel);
        return pid != 0 && _partitions.Holds(key) ? new DeliveryLease(DeliveryLeaseKind, key.LockValue, pid) : null;
    }

    /// <summary>
    /// The database shows a lease this instance believes it holds as held by no session of its own: the session is gone
    /// (ended by the server, say, while this side has not heard yet), and another instance may hold the lease already.
    /// Every partition is dropped at once, so no pass sends again, and the session is started again to take its share anew.
    /// A session that has already been replaced since <paramref name="lease"/> was read is left alone.
    /// </summary>
    internal void Doubt(string channel, DeliveryLease lease)
    {
        if (Volatile.Read(ref _sessionPid) != lease.SessionPid)
        {
            return;
        }

        _logger.LogWarning(
            "The database shows no session of this instance holding the delivery partition of {Channel}: every partition is dropped and the coordination session started again",
            channel);
        _partitions.LoseAll();
        try
        {
            Volatile.Read(ref _sessionDoubted)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That session has ended already: the next one starts clean.
        }
    }

    public DeliveryTurn? BeginDelivery(string channel) => _partitions.BeginTurn(PartitionOf(channel));

    private string DescribeDelivery()
    {
        var held = _partitions.Held;
        var total = DeliveryPartitions.Count.ToString(CultureInfo.InvariantCulture);
        return held.Count == 0
            ? $"; delivers no channel's posts (holds none of the {total} delivery partitions)"
            : $"; delivers the posts of the channels in delivery partition{(held.Count == 1 ? "" : "s")} {LeaseKey.DescribeAll(held)}";
    }

    private static LeaseKey PartitionOf(string channel) => new(DeliveryPartitions.Of(channel), DeliveryPartitions.Count);
}
