using Microsoft.Data.Sqlite;
using ResultsBot.Application.Storage;

namespace ResultsBot.Storage;

/// <summary>
/// SQLite's faults as the store's: a busy or locked database, a full disk or a read-only file system pass
/// (<see cref="StoreUnavailableException"/>: retry and carry on); a damaged or foreign file does not
/// (<see cref="StoreDamagedException"/>: stop, loudly). Each says what happened in words for a person.
/// </summary>
internal static class SqliteFaults
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static Exception Translate(SqliteException exception) => exception.SqliteErrorCode switch
    {
        Busy or Locked or ReadOnly or IoError or Full or CantOpen => new StoreUnavailableException(Describe(exception), exception),
        // Said as the engine says it: the damage is for whoever restores the file to judge.
        Corrupt or NotADatabase => new StoreDamagedException(exception.Message, exception),
        _ => new StorageException(exception.Message, exception),
    };

    private static string Describe(SqliteException exception) => exception.SqliteErrorCode switch
    {
        Busy or Locked => "the database is locked by another program",
        Full => "the disk is full",
        ReadOnly => "the database cannot be written (read-only file or file system)",
        _ => $"the database file cannot be written or read ({exception.Message})",
    };
}
