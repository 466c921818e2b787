namespace ResultsBot.Fakes.Discord;

/// <summary>
/// How the fake Discord REST API limits and remembers. The defaults look like Discord's real answers
/// (5 messages per 5 s per channel, 50 requests per second per bot); tests may shorten the windows.
/// </summary>
public sealed record FakeDiscordRestOptions
{
    /// <summary>Requests per window for one channel's message create bucket; edits have a bucket of their own of the same size.</summary>
    public int MessageBucketLimit { get; init; } = 5;

    public TimeSpan MessageBucketWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests per window for every other route (GET channel, GET /users/@me), per major parameter.</summary>
    public int OtherBucketLimit { get; init; } = 5;

    public TimeSpan OtherBucketWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Publishes (crossposts) per announcement channel per window: Discord allows about ten an hour, and its 429
    /// then says to wait until the hour is up (retry_after up to 3,600 s).
    /// </summary>
    public int PublishLimit { get; init; } = 10;

    public TimeSpan PublishWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The global limit: requests per second per bot token.</summary>
    public int GlobalLimit { get; init; } = 50;

    public TimeSpan GlobalWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a nonce sent with enforce_nonce is remembered ("the past few minutes").</summary>
    public TimeSpan NonceWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest file Discord takes in an upload (10 MiB for a bot in a server without boosts); a larger one gets 413 (40005).</summary>
    public long MaxUploadBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How long a multipart (file upload) request is held before it is served, as a slow upload would be; zero for none.</summary>
    public TimeSpan UploadDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The bot's user id, as GET /users/@me and message authors show it.</summary>
    public string BotUserId { get; init; } = "1100000000000000001";

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
