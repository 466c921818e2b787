namespace ResultsBot.Pipeline;

/// <summary>What the feed loop last saw: when reading last worked, since when it has been failing, when something new last came.</summary>
public sealed class FeedHealth(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private DateTimeOffset? _failingSince;
    private string? _failure;
    private DateTimeOffset? _lastNew;
    private bool _read;

    public FeedHealthSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new FeedHealthSnapshot(_started, _failingSince, _failure, _lastNew, _read);
        }
    }

    public void ReadOk(int newDocuments)
    {
        lock (_gate)
        {
            _read = true;
            _failingSince = null;
            _failure = null;
            if (newDocuments > 0)
            {
                _lastNew = time.GetUtcNow();
            }
        }
    }

    public void ReadFailed(string reason)
    {
        lock (_gate)
        {
            _read = true;
            _failingSince ??= time.GetUtcNow();
            _failure = reason;
        }
    }
}
