namespace ResultsBot.Feeds.Sources;

/// <summary>Chooses the source for a configured Feed:Source: an http(s) URL (Democracy Club's results API or a PA feed), a directory or a file.</summary>
public static class FeedSources
{
    /// <summary>
    /// How long one HTTP read — the answer's headers and its whole body — may take. A server that sends headers
    /// and then stalls would otherwise hold the feed loop forever (HttpClient's own timeout ends at the headers).
    /// </summary>
    public static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(20);

    /// <summary>Reads within the deadline, or throws a <see cref="FeedSourceException"/> saying the source stalled.</summary>
    internal static async Task<T> WithinDeadlineAsync<T>(Uri target, TimeSpan deadline, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(deadline);
        try
        {
            return await read(limit.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
        {
            throw new FeedSourceException($"{FeedAddress.Redact(target)} stalled: its answer was not complete within {deadline.TotalSeconds:0.#} s", ex, stalled: true);
        }
    }

    /// <param name="readDeadline">How long one HTTP read may take; <see cref="ReadDeadline"/> when null.</param>
    public static IFeedSource Open(string source, HttpClient http, TimeSpan? readDeadline = null)
    {
        if (!IsUrl(source))
        {
            return new FileSystemFeedSource(source);
        }

        var url = new Uri(source);
        return DemocracyClubFeedSource.Serves(url) ? new DemocracyClubFeedSource(http, url, readDeadline) : new HttpFeedSource(http, url, readDeadline);
    }

    public static bool IsUrl(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
