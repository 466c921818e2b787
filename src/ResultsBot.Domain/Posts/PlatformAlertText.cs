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

    /// <summary>Discord closed the Gateway with 4011: the bot is in more servers than its shards may carry.</summary>
    /// <param name="configured">Discord:Shards fixes the count, so only a person can raise it.</param>
    public static Post ShardingRequired(int shards, bool configured) =>
        new(
            PostKind.Announcement,
            "ops/platform/discord",
            $"Discord problem: the bot is in too many servers for {shards} Gateway {(shards == 1 ? "shard" : "shards")}",
            [
                "Discord closed the Gateway with 4011 (sharding required): commands typed in Discord get no answer until the bot runs more shards.",
                configured
                    ? "Discord:Shards sets the count: raise it (or remove it to use Discord's count) and restart."
                    : "The bot is asking Discord how many shards to run, and will connect them all.",
            ]);

    private static string Name(string platform) => platform switch
    {
        "discord" => "Discord",
        "slack" => "Slack",
        _ => platform,
    };

    private static string Duration(TimeSpan span, CultureInfo culture) =>
        span.Humanize(precision: 2, culture: culture, minUnit: TimeUnit.Second);
}
