namespace ResultsBot.Feeds.Sources;

/// <summary>Where feed files come from. Each poll returns what is new or changed since the last, in arrival order.</summary>
public interface IFeedSource
{
    /// <summary>The source as people configured it (a path or a URL).</summary>
    string Description { get; }

    /// <summary>New or changed documents. Throws <see cref="FeedSourceException"/> when the source cannot be read at all.</summary>
    Task<IReadOnlyList<FeedDocument>> PollAsync(CancellationToken cancellationToken);

    /// <summary>Forget a document so the next poll offers it again (for example, storing it failed).</summary>
    void Reoffer(FeedDocument document);
}
