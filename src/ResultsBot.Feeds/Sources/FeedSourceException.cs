namespace ResultsBot.Feeds.Sources;

/// <summary>The source as a whole could not be read this time (missing directory, HTTP error, timeout).</summary>
/// <param name="stalled">The source started answering and then stopped, so the read was given up at its deadline: the feed is stuck, not just failing.</param>
public sealed class FeedSourceException(string message, Exception? inner = null, bool stalled = false) : Exception(message, inner)
{
    public bool Stalled { get; } = stalled;

    /// <summary>
    /// Documents the poll did read before or after the failure (the other files of a listing). They are new
    /// and not offered again, so the caller must take them: a failure belongs to the file that caused it.
    /// </summary>
    public IReadOnlyList<FeedDocument> Partial { get; init; } = [];
}
