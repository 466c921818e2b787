namespace ResultsBot.Feeds.Sources;

/// <summary>Chooses the source for a configured Feed:Source: an http(s) URL (Democracy Club's results API or a PA feed), a directory or a file.</summary>
public static class FeedSources
{
    public static IFeedSource Open(string source, HttpClient http)
    {
        if (!IsUrl(source))
        {
            return new FileSystemFeedSource(source);
        }

        var url = new Uri(source);
        return DemocracyClubFeedSource.Serves(url) ? new DemocracyClubFeedSource(http, url) : new HttpFeedSource(http, url);
    }

    public static bool IsUrl(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
