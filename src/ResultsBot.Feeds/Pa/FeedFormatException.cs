namespace ResultsBot.Feeds.Pa;

/// <summary>A message that is well-formed XML but not a usable PA message; the text says why, for people.</summary>
internal sealed class FeedFormatException(string message) : Exception(message);
