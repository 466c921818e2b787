using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ResultsBot.Application.Instances;
using ResultsBot.Storage.Postgres;

namespace ResultsBot.Storage.Tests;

/// <summary>What the tests of instances sharing one database do alike: start one, wait for it, end a session as a kill would.</summary>
internal static class Coordinating
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static PostgresInstanceCoordination Coordination(string database, string instance = "listener:1") =>
        new(database, TimeProvider.System, NullLogger<PostgresInstanceCoordination>.Instance, instance);

    /// <summary>True once the condition holds; false when it still does not after <see cref="Patience"/>.</summary>
    public static async Task<bool> Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Runs SQL as another client of the server (a DBA ending a session, say).</summary>
    public static void Execute(string database, string sql) => Scalar(database, sql);

    /// <summary>The same, returning the first column of the first row.</summary>
    public static object? Scalar(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    /// <summary>The rows of <c>pg_locks</c> that are the granted lock of a channel's delivery partition ("RBDL", n of 32).</summary>
    public static string PartitionLockOf(string channel) =>
        $"locktype = 'advisory' AND granted AND objsubid = 2 AND classid::bigint = 1380074572 AND objid::bigint = {((32 * 65_536) + DeliveryPartitions.Of(channel)).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Waits for a coordination loop stopped just as the server ended its session.</summary>
    public static async Task Stopped(Task running)
    {
        try
        {
            await running;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.AdminShutdown)
        {
            // The stop raced the server's termination: the host's listener ignores how it ended.
        }
    }
}
