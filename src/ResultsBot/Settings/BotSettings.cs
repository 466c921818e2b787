using System.Globalization;
using ResultsBot.Domain.Commands;
using ResultsBot.Application.Pipeline;

namespace ResultsBot.Settings;

/// <summary>The settings every verb uses, read and checked once at start.</summary>
/// <param name="FeedSource">Feed:Source — a directory, file or http(s) URL; null means the bundled sample.</param>
/// <param name="PollInterval">Feed:PollInterval — how often a directory, file or URL is looked at again.</param>
/// <param name="ReplaySpeed">Replay:Speed — how many times faster than real time a replay runs; null is as fast as possible.</param>
/// <param name="ConnectionString">ConnectionStrings:ResultsBot — null when not configured.</param>
/// <param name="Culture">Posts:Culture — how numbers and words are written, whatever the machine's locale.</param>
/// <param name="SourceName">Feed:SourceName — named in every post's footer.</param>
/// <param name="Admins">Admins — user ids allowed to change settings from a command ("console" is the terminal's user).</param>
/// <param name="FeedAlerts">Operations:Channel, Operations:FeedFailingAfter, Operations:FeedSilentAfter — who hears of feed trouble, and when.</param>
/// <param name="Urls">--urls or ASPNETCORE_URLS — where the bot's web server listens; null means no web server.</param>
public sealed record BotSettings(
    string? FeedSource,
    TimeSpan PollInterval,
    double? ReplaySpeed,
    string? ConnectionString,
    CultureInfo Culture,
    string SourceName,
    IReadOnlySet<string> Admins,
    FeedAlertPolicy FeedAlerts,
    string? Urls = null)
{
    public const string ConsoleUser = "console";

    /// <summary>Feed:ReadTimeout — how long one HTTP read (headers and body) may take before the feed counts as stuck.</summary>
    public TimeSpan FeedReadTimeout { get; init; } = Feeds.Sources.FeedSources.ReadDeadline;

    /// <summary>Subscriptions:N:Channel and :Filter — channels with filters, set in configuration.</summary>
    public IReadOnlyList<ConfiguredSubscription> Subscriptions { get; init; } = [];

    /// <summary>Store:AllowRepost — start even when the channels already show posts the database holds as never sent (they are posted again).</summary>
    public bool AllowRepost { get; init; }

    /// <summary>Whoever types at the terminal (or runs ask).</summary>
    public Caller ConsoleCaller => new(ConsoleUser, Admins.Contains(ConsoleUser));

    public const string SampleSourceName = "ResultsBot sample feed (2024 results, House of Commons Library)";

    /// <summary>The bundled sample replays at 60x: about a post a second.</summary>
    public const double SampleReplaySpeed = 60;

    public static string SampleFeedDirectory => Path.Combine(AppContext.BaseDirectory, "samples", "england-locals-2024");
}
