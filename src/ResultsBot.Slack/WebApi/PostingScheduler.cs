using System.Collections.Concurrent;

namespace ResultsBot.Slack.WebApi;

/// <summary>
/// Keeps message writes (chat.postMessage, chat.update) under Slack's per-channel pace and a
/// workspace-wide cap, and the upload methods under their own tier. Channels wait independently, so a busy channel does not hold the others back.
/// </summary>
internal sealed class PostingScheduler(SlackRateLimits limits, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PaceLimiter> _channels = new(StringComparer.Ordinal);
    private readonly PaceLimiter _workspace = new(limits.WorkspaceInterval, limits.WorkspaceBurst);
    private readonly ConcurrentDictionary<string, PaceLimiter> _methods = new(StringComparer.Ordinal);

    /// <summary>Waits for this channel's turn, then for the workspace's.</summary>
    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        await WaitUntilAsync(Channel(channel).Reserve(time.GetUtcNow()), cancellationToken);
        await WaitUntilAsync(_workspace.Reserve(time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Waits for a Tier 4 file method's turn (files.getUploadURLExternal, files.completeUploadExternal).</summary>
    public Task WaitMethodTurnAsync(string method, CancellationToken cancellationToken) =>
        WaitUntilAsync(_methods.GetOrAdd(method, _ => new PaceLimiter(limits.FileMethodInterval, limits.FileMethodBurst)).Reserve(time.GetUtcNow()), cancellationToken);

    /// <summary>Waits for a history read's turn in the workspace (one a minute for distributed apps): only the caller waits.</summary>
    public Task WaitHistoryTurnAsync(string method, TimeSpan interval, CancellationToken cancellationToken) =>
        WaitUntilAsync(History(method, interval).Reserve(time.GetUtcNow()), cancellationToken);

    /// <summary>Slack said 429 for a history read: no read of that method starts before the wait is over.</summary>
    public void HoldHistory(string method, TimeSpan interval, TimeSpan wait) => History(method, interval).HoldUntil(time.GetUtcNow() + wait);

    private PaceLimiter History(string method, TimeSpan interval) => _methods.GetOrAdd(method, _ => new PaceLimiter(interval, 1));

    /// <summary>Slack said 429 for this channel: nobody posts there before the wait is over.</summary>
    public void HoldChannel(string channel, TimeSpan wait) => Channel(channel).HoldUntil(time.GetUtcNow() + wait);

    private PaceLimiter Channel(string channel) =>
        _channels.GetOrAdd(channel, _ => new PaceLimiter(limits.PerChannelInterval, limits.PerChannelBurst));

    private async Task WaitUntilAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        var wait = start - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
