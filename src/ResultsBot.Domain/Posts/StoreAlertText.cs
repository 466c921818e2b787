using System.Globalization;
using Humanizer;

namespace ResultsBot.Domain.Posts;

/// <summary>What the operations channel is told when the bot's database cannot be written, and when it can again.</summary>
public static class StoreAlertText
{
    public const string Subject = "ops/store";

    public static Post Failing(string reason, TimeSpan failingFor, CultureInfo culture) =>
        new(
            PostKind.Announcement,
            Subject,
            $"Database problem: results cannot be saved ({reason})",
            [
                $"Writing to the bot's database has been failing for {Duration(failingFor, culture)}: {reason}.",
                "Nothing accepted is lost: new results are read again from the feed until they can be saved, and posted then. The bot carries on by itself when the database can be written again.",
            ]);

    public static Post Recovered(TimeSpan outage, CultureInfo culture) =>
        new(
            PostKind.Announcement,
            Subject,
            $"Database back: results are being saved again after {Duration(outage, culture)}",
            ["Results that arrived meanwhile are being saved and posted now, in order."]);

    private static string Duration(TimeSpan span, CultureInfo culture) =>
        span.Humanize(precision: 2, culture: culture, minUnit: TimeUnit.Second);
}
