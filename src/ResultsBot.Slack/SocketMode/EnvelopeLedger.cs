using ResultsBot.Slack.Commands;

namespace ResultsBot.Slack.SocketMode;

/// <summary>
/// Envelopes seen recently, with their answers. Slack delivers an envelope again when its ack came late or
/// was lost with a socket; the second delivery is acknowledged with the first one's answer, never run twice.
/// </summary>
internal sealed class EnvelopeLedger(TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(30);
    private const int PruneAbove = 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Task<SlackCommandResponse?> Answer, DateTimeOffset Seen)> _seen = new(StringComparer.Ordinal);

    /// <summary>The answer for this envelope, started now by <paramref name="answer"/> unless it was seen before.</summary>
    public (Task<SlackCommandResponse?> Answer, bool First) GetOrStart(string envelopeId, Func<Task<SlackCommandResponse?>> answer)
    {
        // A lock rather than ConcurrentDictionary.GetOrAdd, whose factory may run twice: that would answer twice.
        lock (_gate)
        {
            if (_seen.TryGetValue(envelopeId, out var seen))
            {
                return (seen.Answer, false);
            }

            Prune();
            var started = answer();
            _seen[envelopeId] = (started, time.GetUtcNow());
            return (started, true);
        }
    }

    private void Prune()
    {
        if (_seen.Count < PruneAbove)
        {
            return;
        }

        var cutoff = time.GetUtcNow() - Keep;
        foreach (var (id, entry) in _seen.Where(pair => pair.Value.Seen < cutoff).ToList())
        {
            _seen.Remove(id);
        }
    }
}
