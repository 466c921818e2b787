using ResultsBot.Application.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ResultsBot.Storage.Tests;

public sealed class StoreFaultsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "resultsbot-store-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 8, 3, 0, 0, TimeSpan.Zero));

    public StoreFaultsTests() => Directory.CreateDirectory(_directory);

    private string Database => Path.Combine(_directory, "bot.db");

    [Fact]
    public void ProbeWrite_DatabaseLockedByAnotherProgram_IsATransientFaultSaidPlainly()
    {
        using var store = SqliteResultsStore.Open($"Data Source={Database};Default Timeout=1", _time);
        store.ProbeWrite();
        using var locker = new SqliteConnection($"Data Source={Database};Pooling=False");
        locker.Open();
        using var exclusive = locker.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        exclusive.ExecuteNonQuery();

        var fault = Assert.ThrowsAny<Exception>(store.ProbeWrite);

        Assert.True(StoreFaults.IsTransient(fault));
        Assert.False(StoreFaults.IsDamaged(fault));
        Assert.Equal("the database is locked by another program", StoreFaults.Describe(fault));
    }

    [Fact]
    public void Reading_ADamagedFile_IsDamagedNotTransient()
    {
        using (var store = SqliteResultsStore.Open($"Data Source={Database};Pooling=False", _time))
        {
            store.ProbeWrite();
        }

        var bytes = File.ReadAllBytes(Database);
        Array.Fill(bytes, (byte)0x5A, 4096, bytes.Length - 4096);
        File.WriteAllBytes(Database, bytes);
        File.Delete(Database + "-wal");
        File.Delete(Database + "-shm");

        var fault = Assert.ThrowsAny<Exception>(() =>
        {
            using var damaged = SqliteResultsStore.Open($"Data Source={Database};Pooling=False", _time);
            damaged.LoadMessages();
        });

        Assert.True(StoreFaults.IsDamaged(fault), fault.ToString());
        Assert.False(StoreFaults.IsTransient(fault));
        Assert.StartsWith("the database file is damaged (", StoreFaults.Describe(fault), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
