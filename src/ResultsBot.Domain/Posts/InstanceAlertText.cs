using System.Globalization;
using Humanizer;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// What the operations channel is told when one of several instances sharing a database stops: one sentence, from
/// the feed reader, once per stop. Times are UTC to the second, as /readyz and the logs give them: these are for
/// whoever runs the machines, matched against their logs, not for readers of the night.
/// </summary>
public static class InstanceAlertText
{
    public const string Subject = "ops/instances";

    /// <summary>An instance that did not read the feed stopped; the others carry on with what it held.</summary>
    public static Post Stopped(string instance, DateTimeOffset lastHeard, int liveNow, CultureInfo culture) =>
        new(
            PostKind.Announcement,
            Subject,
            $"Instance {instance} stopped answering at {Clock(lastHeard, culture)}; the other instances took over its work",
            [liveNow == 1 ? "1 instance is running now." : $"{liveNow.ToString(culture)} instances are running now."]);

    /// <summary>
    /// The instance that read the feed stopped and <paramref name="instance"/> took the feed over: the stop and the
    /// takeover in one sentence, not an alert each.
    /// </summary>
    public static Post ReaderStopped(string previous, DateTimeOffset lastHeard, string instance, TimeSpan withoutReader, CultureInfo culture) =>
        new(
            PostKind.Announcement,
            FeedAlertText.Subject,
            $"Feed reader changed: instance {previous} stopped answering at {Clock(lastHeard, culture)}; {instance} took over reading the feed {After(withoutReader, culture)}",
            ["Nothing accepted is lost; posts carry on from where it stopped."]);

    // A takeover can come within a second of the last beat: "after 0 seconds" would read as a mistake.
    private static string After(TimeSpan span, CultureInfo culture) =>
        span < TimeSpan.FromSeconds(1) ? "within a second" : "after " + span.Humanize(precision: 2, culture: culture, minUnit: TimeUnit.Second);

    private static string Clock(DateTimeOffset at, CultureInfo culture) => at.ToUniversalTime().ToString("HH:mm:ss", culture) + " UTC";
}
