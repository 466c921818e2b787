using System.Globalization;
using BenchmarkDotNet.Attributes;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;

namespace ResultsBot.Benchmarks;

/// <summary>What one command costs to answer with the whole 2024 sample night loaded.</summary>
[MemoryDiagnoser]
public class CommandBenchmarks
{
    private static readonly Caller Reader = new("bench", false);

    private ResultsBook _book = ResultsBook.Empty;
    private CommandEngine _engine = null!;

    [Params(
        "/council Sunderland",
        "/council hull",
        "/council basingstoke & deane",
        "/council Sunderlnd",
        "/council E07000223",
        "/scoreboard",
        "/gains",
        "/party tories",
        "/declared",
        "/awaiting",
        "/share",
        "/help",
        "/nonsense @everyone")]
    public string Command { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _book = SampleNight.Load();
        _engine = new CommandEngine(CultureInfo.GetCultureInfo("en-GB"), TimeProvider.System);
    }

    [Benchmark]
    public CommandAnswer Answer() => _engine.Answer(Command, _book, Reader);
}
