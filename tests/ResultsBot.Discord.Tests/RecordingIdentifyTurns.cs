using System.Collections.Concurrent;
using System.Globalization;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>Identify turns that say, in order, each turn taken and given back, and leave the pacing to <paramref name="inner"/>.</summary>
internal sealed class RecordingIdentifyTurns(IIdentifyTurns inner) : IIdentifyTurns
{
    private readonly ConcurrentQueue<string> _said = new();

    public IReadOnlyList<string> Said => [.. _said];

    public async Task WaitTurnAsync(int bucket, int maxConcurrency, CancellationToken cancellationToken)
    {
        await inner.WaitTurnAsync(bucket, maxConcurrency, cancellationToken);
        _said.Enqueue(string.Create(CultureInfo.InvariantCulture, $"turn of bucket {bucket} of {maxConcurrency}"));
    }

    public void Identified(int bucket, int maxConcurrency)
    {
        _said.Enqueue(string.Create(CultureInfo.InvariantCulture, $"given back: bucket {bucket} of {maxConcurrency}"));
        inner.Identified(bucket, maxConcurrency);
    }
}
