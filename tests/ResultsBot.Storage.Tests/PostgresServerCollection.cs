namespace ResultsBot.Storage.Tests;

/// <summary>One throwaway PostgreSQL server shared by the tests that name this collection (each takes its own database).</summary>
[CollectionDefinition(nameof(PostgresServer))]
public sealed class PostgresServerCollection : ICollectionFixture<PostgresServer>;
