using System.Globalization;
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

    public bool Delivers(string channel) => _partitions.Holds(PartitionOf(channel));

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
