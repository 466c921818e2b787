using System.Globalization;
using Humanizer;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>What the operations channel is told when the feed fails or goes quiet, and when it is back.</summary>
public static class FeedAlertText
{
    public const string Subject = "ops/feed";

    public static Post Failing(string source, TimeSpan failingFor, string reason, CultureInfo culture) =>
        Alert(
            $"Feed problem: results cannot be read ({Duration(failingFor, culture)})",
            [$"{source} has been failing for {Duration(failingFor, culture)}: {reason}", "The bot keeps trying; everything already received is safe and posts resume when the feed recovers."]);

    public static Post Silent(string source, TimeSpan quietFor, DateTimeOffset? lastNew, CultureInfo culture) =>
        Alert(
            $"Feed quiet: nothing new for {Duration(quietFor, culture)}",
            [
                lastNew is { } at ? $"The last new file from {source} came at {UkTime.Format(at, culture)}." : $"Nothing has come from {source} since the bot started.",
                "The bot is running and reading the feed; it posts as soon as results arrive.",
            ]);

    public static Post Recovered(string source, TimeSpan outage, bool wasFailing, CultureInfo culture) =>
        Alert(
            wasFailing ? $"Feed back: readable again after {Duration(outage, culture)}" : $"Feed back: new results after {Duration(outage, culture)} of quiet",
            [$"{source} is working normally."]);

    /// <summary>Of several instances on one database, this one took over reading the feed from one that stopped.</summary>
    public static Post TakenOver(string instance, TimeSpan withoutReader, CultureInfo culture) =>
        Alert(
            $"Feed reader changed: {instance} took over reading the feed after {Duration(withoutReader, culture)}",
            ["The instance that read it stopped or lost its database connection. Nothing accepted is lost; posts carry on from where it stopped."]);

    private static Post Alert(string headline, IReadOnlyList<string> lines) => new(PostKind.Announcement, Subject, headline, lines);

    private static string Duration(TimeSpan span, CultureInfo culture) =>
        span.Humanize(precision: 2, culture: culture, minUnit: TimeUnit.Second);
}
