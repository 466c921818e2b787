namespace ResultsBot.Application.Instances;

/// <summary>The feed lease, held.</summary>
/// <param name="WithoutReader">
/// How long the night went without a reader before this instance took over (since the last reader was last heard), or
/// null when none was heard: the first reader of the night, or the only instance.
/// </param>
/// <param name="Lost">Cancelled when this instance no longer holds it (its connection to the store dropped).</param>
public sealed record FeedLease(TimeSpan? WithoutReader, CancellationToken Lost)
{
    /// <summary>
    /// The reader this instance took over from, and when it was last heard; null when none was heard. Its stop is told
    /// with the takeover, in one alert, and not again as an instance that stopped.
    /// </summary>
    public StoppedInstance? PreviousReader { get; init; }
}
