namespace ResultsBot.Feeds.Sources;

/// <summary>The source as a whole could not be read this time (missing directory, HTTP error, timeout).</summary>
public sealed class FeedSourceException(string message, Exception? inner = null) : Exception(message, inner);
