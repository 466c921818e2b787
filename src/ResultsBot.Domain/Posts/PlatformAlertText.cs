using System.Globalization;
using Humanizer;

namespace ResultsBot.Domain.Posts;

/// <summary>What the operations channel is told when a platform stops taking posts, and when it takes them again.</summary>
public static class PlatformAlertText
{
    public static Post Failing(string platform, TimeSpan failingFor, string reason, CultureInfo culture) =>
        new(
            PostKind.Announcement,
            "ops/platform/" + platform,
            $"{Name(platform)} problem: posts cannot be delivered ({Duration(failingFor, culture)})",
            [$"Posting to {Name(platform)} has been failing for {Duration(failingFor, culture)}: {reason}", "Every post is kept, in order; they go out as soon as it recovers."]);

    public static Post Recovered(string platform, TimeSpan outage, CultureInfo culture) =>
        new(
            PostKind.Announcement,
            "ops/platform/" + platform,
            $"{Name(platform)} back: posts are going out again after {Duration(outage, culture)}",
            ["What was held during the outage is being delivered now, in order."]);

    private static string Name(string platform) => platform switch
    {
        "discord" => "Discord",
        "slack" => "Slack",
        _ => platform,
    };

    private static string Duration(TimeSpan span, CultureInfo culture) =>
        span.Humanize(precision: 2, culture: culture, minUnit: TimeUnit.Second);
}
