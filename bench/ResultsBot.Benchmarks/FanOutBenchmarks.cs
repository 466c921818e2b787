using System.Globalization;
using BenchmarkDotNet.Attributes;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;

namespace ResultsBot.Benchmarks;

/// <summary>
/// Queue time for one declaration fanned out to many channels: accepting the message and queueing a
/// delivery per channel in one SQLite transaction, on a real database file (WAL, synchronous=FULL).
/// </summary>
[MemoryDiagnoser]
public class FanOutBenchmarks
{
    private string _directory = "";
    private SqliteResultsStore _store = null!;
    private Post _post = null!;
    private string[] _channels = [];
    private int _revision;

    [Params(1, 500, 5_000)]
    public int Channels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "resultsbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = SqliteResultsStore.Open($"Data Source={Path.Combine(_directory, "bench.db")}", TimeProvider.System);
        var book = SampleNight.Load();
        var thurrock = book.DeclarationFor("thurrock")!;
        _post = new DeclarationPostComposer(CultureInfo.GetCultureInfo("en-GB")).Compose(thurrock, book);
        _channels = [.. Enumerable.Range(0, Channels).Select(i => $"discord:{100_000_000 + i}")];
    }

    [Benchmark]
    public void QueueOneDeclaration() =>
        _store.Accept("council/thurrock", ++_revision, "Thurrock.xml", [1, 2, 3], [_post], _channels);

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
