namespace ResultsBot.Feeds.Sources;

/// <summary>A source that can say when it may have something new, so a watcher need not wait for its next poll.</summary>
public interface IChangeNotifyingFeedSource
{
    /// <summary>
    /// Completes when something may have changed since the last call (at once if it already has). It may
    /// complete when nothing changed, and never completes when changes cannot be watched: the poll interval
    /// stays the upper bound either way.
    /// </summary>
    Task WaitForChangeAsync(CancellationToken cancellationToken);
}
