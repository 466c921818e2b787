using Microsoft.Extensions.Logging;
using Npgsql;
using ResultsBot.Platforms;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// Discord identify turns shared by the instances on one PostgreSQL database: a bucket's turn is a session-level
/// advisory lock (<see cref="IdentifyBucketKey"/>) taken on a connection of its own — not the coordination loop's,
/// whose session must stay free to beat and listen, and one connection a turn so two shards of one bucket in this
/// process wait for each other too — held until <see cref="IIdentifyTurns.Window"/> after the identify went out, then
/// released. An instance killed while it holds a turn frees it with its session (its socket closes, or the short TCP
/// keepalives end it within about ten seconds).
/// </summary>
public sealed class PostgresIdentifyTurns : IIdentifyTurns, IDisposable
{
    private const string ApplicationName = "resultsbot identify turn";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<IdentifyBucketKey, NpgsqlConnection> _held = [];
    private readonly CancellationTokenSource _disposed = new();

    public PostgresIdentifyTurns(string connectionString, TimeProvider time, ILogger<PostgresIdentifyTurns> logger)
    {
        _time = time;
        _logger = logger;
        _connectionString = LockSessions.ConnectionString(connectionString, ApplicationName);
    }

    public async Task WaitTurnAsync(int bucket, int maxConcurrency, CancellationToken cancellationToken)
    {
        var key = new IdentifyBucketKey(bucket, maxConcurrency);
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, LockSessions.ShortKeepalives, cancellationToken);
            // Tried, not waited for on the server: a blocked command would outlast the command timeout, and a stop.
            var told = false;
            while (!await TryLockAsync(connection, key, cancellationToken))
            {
                if (!told)
                {
                    _logger.LogInformation("Waiting for the Discord {Key}'s turn: another identify in it went out under five seconds ago", key);
                    told = true;
                }

                await Task.Delay(Poll, _time, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        lock (_held)
        {
            // Cannot be held here already (the lock is exclusive between sessions); a stale entry is only closed.
            if (_held.Remove(key, out var stale))
            {
                stale.Dispose();
            }

            _held[key] = connection;
        }
    }

    public void Identified(int bucket, int maxConcurrency)
    {
        var key = new IdentifyBucketKey(bucket, maxConcurrency);
        NpgsqlConnection? connection;
        lock (_held)
        {
            _held.Remove(key, out connection);
        }

        if (connection is not null)
        {
            _ = ReleaseLaterAsync(key, connection);
        }
    }

    /// <summary>Ends every session this holds: the locks go with them (the process is stopping).</summary>
    public void Dispose()
    {
        _disposed.Cancel();
        lock (_held)
        {
            foreach (var connection in _held.Values)
            {
                connection.Dispose();
            }

            _held.Clear();
        }
    }

    private async Task ReleaseLaterAsync(IdentifyBucketKey key, NpgsqlConnection connection)
    {
        await using (connection)
        {
            try
            {
                await Task.Delay(IIdentifyTurns.Window, _time, _disposed.Token);
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({IdentifyBucketKey.Kind}, {key.Lock})", CancellationToken.None);
            }
            catch (Exception e) when (e is OperationCanceledException or NpgsqlException or TimeoutException or IOException or InvalidOperationException or ObjectDisposedException)
            {
                // Stopping, or the session already ended: either way closing the connection frees the lock.
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, IdentifyBucketKey key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({IdentifyBucketKey.Kind}, {key.Lock})", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
