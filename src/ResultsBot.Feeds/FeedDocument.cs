namespace ResultsBot.Feeds;

/// <summary>One file of a feed as a source found it: where it came from and its bytes.</summary>
/// <param name="Origin">The file name or URL, as reported to people.</param>
/// <param name="Content">The raw bytes.</param>
/// <param name="Sequence">Arrival order within its source.</param>
public sealed record FeedDocument(string Origin, byte[] Content, long Sequence = 0);
