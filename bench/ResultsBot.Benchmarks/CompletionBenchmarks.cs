using BenchmarkDotNet.Attributes;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;

namespace ResultsBot.Benchmarks;

/// <summary>What a Discord autocomplete costs: the best 25 council names for what has been typed so far.</summary>
[MemoryDiagnoser]
public class CompletionBenchmarks
{
    private ResultsBook _book = ResultsBook.Empty;

    [Params("b", "north", "sunderlnd")]
    public string Typed { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _book = SampleNight.Load();
    }

    [Benchmark]
    public IReadOnlyList<string> CompleteCouncil() => CommandEngine.Complete("council", Typed, _book);
}
