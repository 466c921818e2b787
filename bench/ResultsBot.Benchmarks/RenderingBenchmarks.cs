using System.Globalization;
using BenchmarkDotNet.Attributes;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Rendering.Charts;
using ResultsBot.Rendering.Pictures;

namespace ResultsBot.Benchmarks;

/// <summary>What a picture costs to draw and encode as PNG with the whole 2024 sample night loaded (targets: map under 50 ms, chamber under 20 ms).</summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private ResultsBook _book = ResultsBook.Empty;
    private CouncilDeclaration _birmingham = null!;

    [GlobalSetup]
    public void Setup()
    {
        _book = SampleNight.Load();
        _birmingham = _book.Declarations.MaxBy(d => d.TotalSeats)!;
    }

    [Benchmark]
    public byte[] Map() => HexMapChart.Render(NightMap.From(_book, "PA Media", DateTimeOffset.UnixEpoch, EnGb)).Png;

    [Benchmark]
    public byte[] ChamberOfTheLargestCouncil() => ChamberChart.Render(CouncilChamber.From(_birmingham, "PA Media", DateTimeOffset.UnixEpoch, EnGb)).Png;

    [Benchmark]
    public byte[] CouncillorChangeChart() => BarChart.Render(BoardCharts.CouncillorChange(_book, "PA Media", DateTimeOffset.UnixEpoch, EnGb)).Png;
}
