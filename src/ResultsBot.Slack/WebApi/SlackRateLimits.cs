namespace ResultsBot.Slack.WebApi;

/// <summary>
/// How fast we post. Slack allows about one message a second per channel with short bursts, and
/// "several hundred" a minute across a workspace; we keep under both so normal posting never meets a 429.
/// </summary>
/// <param name="PerChannelInterval">Time between messages in one channel (chat.postMessage, chat.update).</param>
/// <param name="PerChannelBurst">Messages a quiet channel may take at once before the interval applies.</param>
/// <param name="WorkspaceInterval">Time between messages across all channels (4 a second = 240 a minute).</param>
/// <param name="WorkspaceBurst">Messages the workspace may take at once after a quiet spell.</param>
/// <param name="MaxRateLimitWaits">429s ridden out (waiting Retry-After) for one call before giving up until later.</param>
/// <param name="RequestTimeout">How long one HTTP call may take before it counts as Slack being unavailable.</param>
public sealed record SlackRateLimits(
    TimeSpan PerChannelInterval,
    int PerChannelBurst,
    TimeSpan WorkspaceInterval,
    int WorkspaceBurst,
    int MaxRateLimitWaits,
    TimeSpan RequestTimeout)
{
    public static SlackRateLimits Default { get; } = new(
        PerChannelInterval: TimeSpan.FromSeconds(1),
        PerChannelBurst: 1,
        WorkspaceInterval: TimeSpan.FromMilliseconds(250),
        WorkspaceBurst: 8,
        MaxRateLimitWaits: 5,
        RequestTimeout: TimeSpan.FromSeconds(30));

    /// <summary>
    /// Time between calls of one upload method (files.getUploadURLExternal, files.completeUploadExternal): both are
    /// Tier 4, "100+ per minute" per workspace, so 0.6 s keeps under it.
    /// </summary>
    public TimeSpan FileMethodInterval { get; init; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Upload-method calls a quiet workspace may make at once (a post's two pictures, a few channels).</summary>
    public int FileMethodBurst { get; init; } = 10;

    /// <summary>How long a post's pictures may take to upload before it goes without the rest: the text never waits longer.</summary>
    public TimeSpan PictureUploadBudget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Slack processes an uploaded file asynchronously, and a message naming it too soon is refused ("invalid slack
    /// file"): how long to wait before each of <see cref="PictureProcessingTries"/> more tries, after which the post
    /// goes without its pictures.
    /// </summary>
    public TimeSpan PictureProcessingWait { get; init; } = TimeSpan.FromSeconds(1);

    public int PictureProcessingTries { get; init; } = 3;

    /// <summary>How many of a channel's newest messages the post-crash check reads (conversations.history's limit).</summary>
    public int HistoryLookback { get; init; } = 50;

    /// <summary>
    /// Time between reads of one history method (conversations.history, conversations.replies) in the workspace; null
    /// when Slack gives them room enough not to pace (an internal app's Tier 3).
    /// </summary>
    public TimeSpan? HistoryInterval { get; init; }

    /// <summary>
    /// For an app installed into other workspaces and not in the Marketplace: Slack allows conversations.history and
    /// conversations.replies one request a minute there, returning at most 15 messages. Paced a little slower than
    /// that: Slack counts from when a request arrives, and the next one may travel faster than the last did.
    /// </summary>
    public static SlackRateLimits Distributed { get; } = Default with { HistoryLookback = 15, HistoryInterval = TimeSpan.FromSeconds(65) };
}
