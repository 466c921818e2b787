using ResultsBot.Application.Storage;
using ResultsBot.Storage.Postgres;

namespace ResultsBot.Storage.Tests;

/// <summary>The store contract on a real PostgreSQL server, a fresh database per test.</summary>
[Collection(nameof(PostgresServer))]
public sealed class PostgresStoreContractTests(PostgresServer server) : StoreContract
{
    protected override IResultsStore NewStore() => PostgresResultsStore.Open(server.NewDatabase(), Time);
}
