namespace ResultsBot.Application.Instances;

/// <summary>The feed lease, held.</summary>
/// <param name="WithoutReader">
/// How long the night went without a reader before this instance took over (since the last reader was last heard), or
/// null when none was heard: the first reader of the night, or the only instance.
/// </param>
/// <param name="Lost">Cancelled when this instance no longer holds it (its connection to the store dropped).</param>
public sealed record FeedLease(TimeSpan? WithoutReader, CancellationToken Lost);
