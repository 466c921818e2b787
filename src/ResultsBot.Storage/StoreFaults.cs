using Microsoft.Data.Sqlite;

namespace ResultsBot.Storage;

/// <summary>
/// What a failure of the store means for the bot: a busy or locked database, a full disk or a read-only
/// file system pass (retry and carry on by yourself); a damaged or foreign file does not (stop, loudly).
/// </summary>
public static class StoreFaults
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>True for a store fault worth retrying: the database busy or locked, the disk full, read-only or failing to write.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is Busy or Locked or ReadOnly or IoError or Full or CantOpen,
        StorageException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    /// <summary>True when the database file itself is damaged or not ours: carrying on would lose or invent results.</summary>
    public static bool IsDamaged(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is Corrupt or NotADatabase,
        StorageException { InnerException: { } inner } => IsDamaged(inner),
        _ => false,
    };

    /// <summary>A store fault as a short reason for a person ("the disk is full", "the database is locked by another program").</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: Busy or Locked } => "the database is locked by another program",
        SqliteException { SqliteErrorCode: Full } => "the disk is full",
        SqliteException { SqliteErrorCode: ReadOnly } => "the database cannot be written (read-only file or file system)",
        SqliteException { SqliteErrorCode: IoError or CantOpen } sqlite => $"the database file cannot be written or read ({sqlite.Message})",
        SqliteException { SqliteErrorCode: Corrupt or NotADatabase } sqlite => $"the database file is damaged ({sqlite.Message})",
        StorageException { InnerException: SqliteException inner } => Describe(inner),
        _ => exception.Message,
    };
}
