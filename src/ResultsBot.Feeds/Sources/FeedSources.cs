namespace ResultsBot.Feeds.Sources;

/// <summary>Chooses the source for a configured Feed:Source: an http(s) URL, a directory or a file.</summary>
public static class FeedSources
{
    public static IFeedSource Open(string source, HttpClient http)
    {
        return IsUrl(source) ? new HttpFeedSource(http, new Uri(source)) : new FileSystemFeedSource(source);
    }

    public static bool IsUrl(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
