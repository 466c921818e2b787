using System.Text;

namespace ResultsBot.Feeds.Sources;

/// <summary>
/// A feed's address as it may be shown to people — in logs, errors, /readyz, alerts and the store: a URL's
/// password and the values of its query (API keys travel there) are replaced by "***". Paths are shown as given.
/// </summary>
public static class FeedAddress
{
    private const string Hidden = "***";

    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.IsFile)
        {
            return url.ToString();
        }

        var shown = new StringBuilder(url.Scheme).Append("://");
        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            shown.Append(colon < 0 ? url.UserInfo : url.UserInfo[..colon] + ":" + Hidden).Append('@');
        }

        shown.Append(url.Authority);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            // Other schemes (ftp) keep "?" in the path; show the path as typed, and nothing after a "?".
            var typed = url.OriginalString;
            var path = typed.IndexOf('/', typed.IndexOf("://", StringComparison.Ordinal) + 3);
            var query = typed.IndexOf('?', StringComparison.Ordinal);
            return path < 0 ? shown.ToString() : shown.Append(typed[path..(query < 0 ? typed.Length : query)]).Append(query < 0 ? "" : "?" + Hidden).ToString();
        }

        shown.Append(url.AbsolutePath);
        if (url.Query.Length > 1)
        {
            shown.Append('?').AppendJoin('&', url.Query[1..].Split('&').Select(pair =>
                pair.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0 ? pair[..(equals + 1)] + Hidden : Hidden));
        }

        return shown.Append(url.Fragment).ToString();
    }

    /// <summary>A configured source (a path or a URL of any scheme, even one the bot refuses) as it may be shown.</summary>
    public static string Redact(string source) =>
        source.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(source, UriKind.Absolute, out var url) && !url.IsFile ? Redact(url) : source;
}
