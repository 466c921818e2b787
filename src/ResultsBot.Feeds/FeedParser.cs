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

    /// <summary>Never throws for what a file holds: whatever goes wrong reading it, even what no one foresaw, makes that one file bad.</summary>
    public static ParseOutcome Parse(byte[] content, string origin)
    {
        try
        {
            if (content.Length > PaFeedParser.MaxDocumentBytes)
            {
                return PaFeedParser.Parse(content, origin);
            }

            return IsJson(content) ? DemocracyClubResultsParser.Parse(content) : PaFeedParser.Parse(content, origin);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ParseOutcome.Bad($"it could not be read ({ex.GetType().Name}: {ex.Message})");
        }
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
