namespace ResultsBot.Application.Pipeline;

/// <summary>
/// What the feed loop last saw: when reading last worked, since when it has been failing, when something new
/// last came, and since when the poll now under way has been running (a poll that never ends is a stuck feed).
/// </summary>
public sealed class FeedHealth(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private DateTimeOffset? _failingSince;
    private string? _failure;
    private bool _stalled;
    private DateTimeOffset? _lastNew;
    private DateTimeOffset? _pollingSince;
    private bool _read;

    public FeedHealthSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new FeedHealthSnapshot(_started, _failingSince, _failure, _lastNew, _read, _stalled, _pollingSince);
        }
    }

    public void PollStarted()
    {
        lock (_gate)
        {
            _pollingSince = time.GetUtcNow();
        }
    }

    public void PollFinished()
    {
        lock (_gate)
        {
            _pollingSince = null;
        }
    }

    public void ReadOk(int newDocuments)
    {
        lock (_gate)
        {
            _read = true;
            _failingSince = null;
            _failure = null;
            _stalled = false;
            if (newDocuments > 0)
            {
                _lastNew = time.GetUtcNow();
            }
        }
    }

    /// <param name="stalled">The source began to answer and stopped: the read was given up at its deadline.</param>
    public void ReadFailed(string reason, bool stalled = false)
    {
        lock (_gate)
        {
            _read = true;
            _failingSince ??= time.GetUtcNow();
            _failure = reason;
            _stalled = stalled;
        }
    }
}
