using System.Collections.Concurrent;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack;

/// <summary>
/// What the last read of a channel's history (or a thread's) showed of our deliveries, until the bot next writes
/// there. Where history is one read a minute (distributed apps), the start-up check and the crash check share one
/// read: nothing of ours can appear in a channel between a read and our next write to it, so a read made since the
/// crash answers "is it there?" as well as a new one would.
/// </summary>
internal sealed class HistoryMemory
{
    private readonly ConcurrentDictionary<(string Channel, string? Thread), IReadOnlyDictionary<string, string>> _seen = new();

    public void Remember(string channel, string? thread, IReadOnlyDictionary<string, string> deliveries) => _seen[(channel, thread)] = deliveries;

    /// <summary>True when a read since the bot last wrote there is remembered; <paramref name="ts"/> is then the delivery's message, or null if it was not there.</summary>
    public bool TryRecall(string channel, string? thread, string deliveryId, out string? ts)
    {
        ts = null;
        if (!_seen.TryGetValue((channel, thread), out var deliveries))
        {
            return false;
        }

        ts = deliveries.GetValueOrDefault(deliveryId);
        return true;
    }

    /// <summary>Before any write to the channel: what was read there may no longer be all there is.</summary>
    public void Forget(string channel)
    {
        foreach (var key in _seen.Keys.Where(k => k.Channel == channel))
        {
            _seen.TryRemove(key, out _);
        }
    }
}
