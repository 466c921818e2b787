using ResultsBot.Application.Storage;

namespace ResultsBot.Storage.Tests;

/// <summary>The store contract on the in-memory store.</summary>
public sealed class InMemoryStoreContractTests : StoreContract
{
    protected override IResultsStore NewStore() => new InMemoryResultsStore(Time);
}
