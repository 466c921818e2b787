using Microsoft.Extensions.Logging;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Sources;

namespace ResultsBot.Application.Pipeline;

/// <summary>Reports each bad file once (per content), naming the file and the reason.</summary>
public sealed class ProblemReporter(ILogger<ProblemReporter> logger, Operations.BotMetrics? metrics = null)
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unread = new(StringComparer.Ordinal);

    public void Report(FeedDocument document, string reason)
    {
        if (_reported.Add(document.Origin + "\n" + ContentFingerprint.Of(document.Content)))
        {
            logger.LogWarning("Skipped {File}: {Reason}", DisplayName(document.Origin), reason);
            metrics?.FeedFileRefused();
        }
    }

    /// <summary>Notes, once per message type, that the feed carries messages the bot does not read yet (mayors, devolved parliaments).</summary>
    public void NoteUnread(FeedDocument document, string messageType)
    {
        if (_unread.Add(messageType))
        {
            logger.LogInformation("Not read yet: {MessageType} messages (first seen in {File}); mayors and devolved parliaments come in a later version", messageType, DisplayName(document.Origin));
        }
    }

    public static string DisplayName(string origin) =>
        origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || origin.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? FeedAddress.Redact(origin)
            : Path.GetFileName(origin);
}
