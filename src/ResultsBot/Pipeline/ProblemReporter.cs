using Microsoft.Extensions.Logging;
using ResultsBot.Feeds;

namespace ResultsBot.Pipeline;

/// <summary>Reports each bad file once (per content), naming the file and the reason.</summary>
public sealed class ProblemReporter(ILogger<ProblemReporter> logger)
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unread = new(StringComparer.Ordinal);

    public void Report(FeedDocument document, string reason)
    {
        if (_reported.Add(document.Origin + "\n" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(document.Content))))
        {
            logger.LogWarning("Skipped {File}: {Reason}", DisplayName(document.Origin), reason);
        }
    }

    public void NoteUnread(FeedDocument document, string messageType)
    {
        if (_unread.Add(document.Origin))
        {
            logger.LogInformation("Not read yet: {File} is a {MessageType} message", DisplayName(document.Origin), messageType);
        }
    }

    public static string DisplayName(string origin) =>
        origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || origin.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? origin
            : Path.GetFileName(origin);
}
