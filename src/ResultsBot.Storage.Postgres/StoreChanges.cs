using System.Globalization;
using Npgsql;
using ResultsBot.Application.Instances;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// What instances sharing a database tell each other, on one NOTIFY channel with a small payload: a word, and for an
/// acceptance the last message's id ("accepted 812"). NOTIFY inside a transaction is sent at commit and dropped on
/// rollback, so no instance hears of a change that did not happen.
/// </summary>
internal static class StoreChanges
{
    public const string Channel = "resultsbot";
    public const string Accepted = "accepted";
    public const string Subscriptions = "subscriptions";
    public const string Queued = "queued";

    /// <summary>The feed reader's heartbeat, with its name, as releases before "alive" sent it (still understood).</summary>
    public const string Reader = "reader";

    /// <summary>Every instance's heartbeat, with its name and role ("alive web1:4123 reader"): who runs, and who reads.</summary>
    public const string Alive = "alive";

    /// <summary>With every heartbeat, how many delivery partitions the instance holds ("holds web1:4123 11").</summary>
    public const string Holds = "holds";

    public static void Notify(NpgsqlConnection connection, string what, long id)
    {
        using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Channel });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id > 0 ? $"{what} {id.ToString(CultureInfo.InvariantCulture)}" : what });
        command.ExecuteNonQuery();
    }

    /// <summary>The change a payload announces, or null for the reader's heartbeat and anything unknown (a newer release's).</summary>
    public static StoreChange? Read(string payload) => payload.Split(' ', 2)[0] switch
    {
        Accepted => StoreChange.Accepted,
        Subscriptions => StoreChange.Subscriptions,
        Queued => StoreChange.Queued,
        _ => null,
    };
}
