namespace ResultsBot.Discord.Gateway;

/// <summary>How one Gateway connection ended and what the next one should do.</summary>
/// <param name="Established">READY or RESUMED arrived on it (so the backoff starts over).</param>
/// <param name="Delay">A wait Discord asks for before the next connection (Invalid Session); null for the usual backoff.</param>
internal sealed record ConnectionEnd(ConnectionNext Next, string Reason, bool Established, TimeSpan? Delay = null);
