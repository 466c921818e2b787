using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using ResultsBot.Application.Instances;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// Membership: every instance says it is alive on the coordination connection every beat ("alive NAME reader" or
/// "alive NAME standby"), and keeps who it heard when; one not heard for a few beats has stopped. The beat goes on
/// the connection that holds the leases, so an instance heard is one whose leases are alive too; a machine that goes
/// silent stops being heard at once, even while the server has yet to end its session. Membership is not read from
/// pg_stat_activity (the shard leases count instances by application name there, for their own purpose). With the
/// beat goes how many delivery partitions the instance holds ("holds NAME 11"): the remainder of Discord's limit goes
/// to those holding the most.
/// </summary>
public sealed partial class PostgresInstanceCoordination
{
    private const string ReaderRole = "reader";
    private const string StandbyRole = "standby";

    private readonly InstanceMembers _members;

    // Whichever counts more: an instance too busy to say it is alive for a few seconds (a fan-out on a loaded machine)
    // still holds its session, and still sends; counted out, the others would take its share of Discord's limit too.
    public int LiveInstances => Math.Max(_members.Live, _partitions.SessionsSeen);

    // A session counted but not heard by name has no place in the order: no share of the remainder, rather than risk
    // two instances taking the same one. The remainder goes first to those holding the most delivery partitions: with
    // 32 partitions over three instances (11, 11 and 10), the one with 10 has the fewest channels and takes 16.
    public int LiveRank => _partitions.SessionsSeen > _members.Live ? -1 : _members.RankOf(Instance, _partitions.HeldCount);

    public event EventHandler<StoppedInstance>? InstanceStopped;

    /// <summary>
    /// Says this instance is alive, with its role, then tells of anyone gone quiet. Also the check that the session
    /// (and so any lease) is still there: a dead connection fails it within the command timeout.
    /// </summary>
    private async Task SayAliveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Two notifications in one round trip: releases before "holds" skip a payload they do not know.
        await NotifyAsync(
            connection,
            [
                $"{StoreChanges.Alive} {Instance} {(IsFeedReader ? ReaderRole : StandbyRole)}",
                string.Create(CultureInfo.InvariantCulture, $"{StoreChanges.Holds} {Instance} {_partitions.HeldCount}"),
            ],
            cancellationToken);
        foreach (var stopped in _members.Sweep(_partitions.SessionsSeen))
        {
            _logger.LogWarning("Instance {Instance} stopped answering (last heard at {LastHeard:HH:mm:ss} UTC)", stopped.Instance, stopped.LastHeard.UtcDateTime);
            InstanceStopped?.Invoke(this, stopped);
        }
    }

    /// <summary>True when <paramref name="payload"/> said how many delivery partitions an instance holds ("holds NAME 11"), now recorded.</summary>
    private bool HeardHolds(string payload)
    {
        if (NameAndLastWord(payload, StoreChanges.Holds) is not (var name, var count))
        {
            return false;
        }

        if (name != Instance && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var partitions))
        {
            _members.Holds(name, partitions);
        }

        return true;
    }

    /// <summary>True when <paramref name="payload"/> was an instance's beat ("alive NAME ROLE"), now recorded.</summary>
    private bool HeardAlive(string payload)
    {
        if (NameAndLastWord(payload, StoreChanges.Alive) is not (var name, var role))
        {
            return false;
        }

        if (name == Instance)
        {
            return true;
        }

        _members.Heard(name);
        if (role == ReaderRole)
        {
            lock (_gate)
            {
                _readerHeard = (name, _time.GetTimestamp());
            }
        }

        return true;
    }

    /// <summary>
    /// For a payload that starts with <paramref name="word"/> ("alive web1:4123 reader"): the instance's name and the
    /// last word; null for any other. The name is everything between (a machine name has no spaces, but need not).
    /// </summary>
    private static (string Name, string Last)? NameAndLastWord(string payload, string word)
    {
        if (!payload.StartsWith(word + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = payload[(word.Length + 1)..];
        var space = rest.LastIndexOf(' ');
        return space > 0 ? (rest[..space], rest[(space + 1)..]) : (rest, "");
    }
}
