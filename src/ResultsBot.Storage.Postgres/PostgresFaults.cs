using Npgsql;
using ResultsBot.Application.Storage;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// PostgreSQL's faults as the store's: a server out of reach, restarting, out of disk or connections, a timeout,
/// a deadlock or a read-only standby pass (<see cref="StoreUnavailableException"/>: retry and carry on); data the
/// server reports corrupt, or the bot's tables gone from under it, do not (<see cref="StoreDamagedException"/>:
/// stop, loudly). Anything else (a refused duplicate) stays the store's plain failure.
/// </summary>
internal static class PostgresFaults
{
    public static Exception Translate(NpgsqlException exception) => exception switch
    {
        PostgresException server when IsDamage(server.SqlState) => new StoreDamagedException(server.MessageText, exception),
        PostgresException server when IsPassing(server.SqlState) => new StoreUnavailableException(Describe(server), exception),
        PostgresException => new StorageException(exception.Message, exception),
        // No answer from the server at all: refused, reset, timed out, or the pool exhausted.
        _ => new StoreUnavailableException($"the database server cannot be reached ({exception.Message})", exception),
    };

    // XX001 data_corrupted, XX002 index_corrupted; 42P01 undefined_table and 42703 undefined_column: the schema the
    // bot made at start is no longer there, so someone else's hand is in the database.
    private static bool IsDamage(string state) => state is "XX001" or "XX002" or "42P01" or "42703";

    // Class 08 connection, 53 insufficient resources (disk full, out of memory, too many connections), 57P0x the server
    // shutting down or starting, 57014 a statement timeout, 40001/40P01 serialization failure and deadlock, 55P03 a
    // lock not granted, 25006 a read-only transaction (a standby that has not been promoted yet).
    private static bool IsPassing(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P0", StringComparison.Ordinal)
        || state is "57014" or "40001" or "40P01" or "55P03" or "25006";

    private static string Describe(PostgresException exception) => exception.SqlState switch
    {
        "53100" => "the database server's disk is full",
        "53300" => "the database server has no connection free",
        "57P01" or "57P02" or "57P03" => $"the database server is restarting or shutting down ({exception.MessageText})",
        "25006" => "the database server is read-only just now",
        "40001" or "40P01" or "55P03" => "the database is locked by another program",
        _ => $"the database server cannot take writes just now ({exception.MessageText})",
    };
}
