using ResultsBot.Feeds.DemocracyClub;
using ResultsBot.Feeds.Pa;

namespace ResultsBot.Feeds;

/// <summary>
/// Reads any document a feed source gives: JSON is Democracy Club's results API, anything else goes
/// to the PA parser (which also reads our own small XML messages).
/// </summary>
public static class FeedParser
{
    public static ParseOutcome Parse(byte[] content) => Parse(content, "the feed");

    public static ParseOutcome Parse(byte[] content, string origin)
    {
        if (content.Length > PaFeedParser.MaxDocumentBytes)
        {
            return PaFeedParser.Parse(content, origin);
        }

        return IsJson(content) ? DemocracyClubResultsParser.Parse(content) : PaFeedParser.Parse(content, origin);
    }

    private static bool IsJson(byte[] content)
    {
        var start = content.AsSpan();
        if (start.StartsWith("\uFEFF"u8))
        {
            start = start[3..];
        }

        foreach (var b in start)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }
}
