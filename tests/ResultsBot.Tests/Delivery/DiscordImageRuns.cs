using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>What the Discord picture tests start the bot with: the sample night, one channel subscribed with "images on".</summary>
internal static class DiscordImageRuns
{
    /// <summary>Buckets roomy enough that a night of 111 posts takes seconds, not minutes (the bot still keeps to them).</summary>
    public static FakeDiscordRestOptions RoomyLimits { get; } = new() { MessageBucketLimit = 50, MessageBucketWindow = TimeSpan.FromSeconds(1) };

    public static string[] Settings(FakeServer server, TempDirectory feed, TempDirectory work, string token, string applicationId, string imagesOnChannel, params string[] more) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Discord:BotToken=" + token,
        "--Discord:ApplicationId=" + applicationId,
        "--Discord:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api"),
        "--Discord:GatewayUrl=" + new Uri(server.WebSocketUrl, "/gateway"),
        "--Subscriptions:0:Channel=discord:" + imagesOnChannel,
        "--Subscriptions:0:Filter=images on",
        .. more,
    ];
}
