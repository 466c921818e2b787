using ResultsBot.Application.Storage;

namespace ResultsBot.Storage.Tests;

/// <summary>The store contract on a real SQLite file.</summary>
public sealed class SqliteStoreContractTests : StoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "resultsbot-store-contract", Guid.NewGuid().ToString("N"));

    public SqliteStoreContractTests() => Directory.CreateDirectory(_directory);

    protected override IResultsStore NewStore() => SqliteResultsStore.Open($"Data Source={Path.Combine(_directory, "bot.db")}", Time);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
