using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Storage;

/// <summary>
/// The store in memory: the same contract as the database stores (the store contract tests run against both),
/// for tests of the pipeline that are clearer without a database, and as the reference of what a store must do.
/// Each call is one unit of work under one lock; a call that fails changes nothing.
/// </summary>
public sealed class InMemoryResultsStore(TimeProvider time) : IResultsStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredMessage> _messages = [];
    private readonly List<StoredPost> _posts = [];
    private readonly List<Delivery> _deliveries = [];
    private readonly SortedDictionary<string, StoredSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly List<(string Channel, PublishRecord Record)> _publishes = [];
    private readonly Dictionary<(string Channel, string Title), string> _forumThreads = [];
    private readonly SortedDictionary<string, WorkspaceInstall> _installs = new(StringComparer.Ordinal);

    public IReadOnlyList<StoredMessage> LoadMessages() => LoadMessagesAfter(0);

    public IReadOnlyList<StoredMessage> LoadMessagesAfter(long afterId)
    {
        lock (_gate)
        {
            return [.. _messages.Where(m => m.Id > afterId)];
        }
    }

    public void AcceptAll(IReadOnlyList<AcceptedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            // Checked before anything is written, so a refused batch leaves nothing behind (all or nothing).
            var keys = _messages.Select(m => (m.Key, m.Revision)).ToHashSet();
            foreach (var message in messages)
            {
                if (!keys.Add((message.Key, message.Revision)))
                {
                    throw new StorageException($"{message.Key} revision {message.Revision} is already stored");
                }

                Refuse(message.Posts);
            }

            var now = time.GetUtcNow();
            foreach (var message in messages)
            {
                var stored = new StoredMessage(_messages.Count + 1, message.Key, message.Revision, message.Origin, message.Content) { AcceptedAt = now };
                _messages.Add(stored);
                Queue(stored.Id, message.Posts, now);
            }
        }
    }

    public void Announce(Post post, IReadOnlyList<string> channels)
    {
        lock (_gate)
        {
            QueuedPost[] posts = [new(post, channels)];
            Refuse(posts);
            Queue(null, posts, time.GetUtcNow());
        }
    }

    public IReadOnlyList<string> ChannelsWithPending()
    {
        lock (_gate)
        {
            return [.. _deliveries.Where(d => d.DeliveredAt is null && !IsPaused(d.Channel)).Select(d => d.Channel).Distinct(StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<PendingDelivery> PendingDeliveries(string channel)
    {
        lock (_gate)
        {
            return [.. _deliveries.Where(d => d.Channel == channel && d.DeliveredAt is null).Select(Pending)];
        }
    }

    // One process on its own memory: no other instance could hold the channel, so there is no lease to check.
    public void MarkAttempted(string channel, IReadOnlyList<long> deliveryIds)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var delivery in Find(deliveryIds))
            {
                delivery.AttemptedAt ??= now;
            }
        }
    }

    public void MarkDelivered(IReadOnlyList<long> deliveryIds, string? platformMessageId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var delivery in Find(deliveryIds))
            {
                delivery.DeliveredAt = now;
                delivery.PlatformMessageId = platformMessageId;
            }
        }
    }

    public IReadOnlyList<DeliveredPost> DeliveredSince(string channel, DateTimeOffset since)
    {
        lock (_gate)
        {
            return
            [
                .. _deliveries
                    .Where(d => d.Channel == channel && d.DeliveredAt >= since && d.PlatformMessageId is not null && d.FailedReason is null)
                    .Select(d => new DeliveredPost(d.PlatformMessageId!, d.DeliveredAt!.Value, PostOf(d).Post, PostOf(d).CorrectsPostId is { } corrects ? _posts[(int)corrects - 1].Post : null)),
            ];
        }
    }

    public IReadOnlyList<PublishRecord> PublishesSince(string channel, DateTimeOffset since)
    {
        lock (_gate)
        {
            return [.. _publishes.Where(p => p.Channel == channel && p.Record.RecordedAt >= since).Select(p => p.Record)];
        }
    }

    public void RecordPublish(string channel, string platformMessageId, PublishOutcome outcome)
    {
        lock (_gate)
        {
            if (!_publishes.Any(p => p.Channel == channel && p.Record.PlatformMessageId == platformMessageId))
            {
                _publishes.Add((channel, new PublishRecord(platformMessageId, outcome, time.GetUtcNow())));
            }
        }
    }

    public void MarkFailed(long deliveryId, string reason)
    {
        lock (_gate)
        {
            foreach (var delivery in Find([deliveryId]))
            {
                delivery.DeliveredAt = time.GetUtcNow();
                delivery.FailedReason = reason;
            }
        }
    }

    public string? DeliveredMessageId(long postId, string channel)
    {
        lock (_gate)
        {
            return _deliveries.FirstOrDefault(d => d.PostId == postId && d.Channel == channel && d.PlatformMessageId is not null && d.FailedReason is null) is { } delivery
                && !InDigest(delivery)
                ? delivery.PlatformMessageId
                : null;
        }
    }

    public DigestRecord? DigestCarrying(long postId, string channel)
    {
        lock (_gate)
        {
            if (_deliveries.FirstOrDefault(d => d.PostId == postId && d.Channel == channel && d.PlatformMessageId is not null && d.FailedReason is null) is not { PlatformMessageId: { } messageId })
            {
                return null;
            }

            var posts = _deliveries
                .Where(d => d.Channel == channel && d.PlatformMessageId == messageId && d.FailedReason is null && PostOf(d).Post.Kind == PostKind.Declaration)
                .Select(d => (d.PostId, PostOf(d).Post with { Headline = LatestCorrectionSent(d.PostId, channel) ?? PostOf(d).Post.Headline }))
                .ToList();
            return posts.Count >= 2 ? new DigestRecord(messageId, posts) : null;
        }
    }

    public IReadOnlyList<StoredSubscription> LoadSubscriptions()
    {
        lock (_gate)
        {
            return [.. _subscriptions.Values];
        }
    }

    public void SubscribeMany(IReadOnlyCollection<(string Channel, string Filter)> subscriptions, string origin, string updatedBy)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var (channel, filter) in subscriptions)
            {
                if (!_subscriptions.TryGetValue(channel, out var existing))
                {
                    _subscriptions[channel] = new StoredSubscription(channel, filter, origin, updatedBy, now, null, null);
                }
                else if (origin != "config")
                {
                    _subscriptions[channel] = new StoredSubscription(channel, filter, origin, updatedBy, now, null, null);
                }
                else if (existing.Origin == "config")
                {
                    // Configuration never overwrites what a command set, and never lifts a pause by itself.
                    _subscriptions[channel] = existing with { Filter = filter, UpdatedBy = updatedBy, UpdatedAt = now };
                }
            }
        }
    }

    public bool Unsubscribe(string channel)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var delivery in _deliveries.Where(d => d.Channel == channel && d.DeliveredAt is null))
            {
                delivery.DeliveredAt = now;
                delivery.FailedReason = "unsubscribed";
            }

            return _subscriptions.Remove(channel);
        }
    }

    public string? FindForumThread(string channel, string title)
    {
        lock (_gate)
        {
            return _forumThreads.GetValueOrDefault((channel, title));
        }
    }

    public void RememberForumThread(string channel, string title, string threadId)
    {
        lock (_gate)
        {
            _forumThreads.TryAdd((channel, title), threadId);
        }
    }

    public void Pause(string channel, string reason)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _subscriptions[channel] = _subscriptions.TryGetValue(channel, out var existing)
                ? existing with { PausedAt = now, PausedReason = reason }
                : new StoredSubscription(channel, "everything", "config", "bot", now, now, reason);
        }
    }

    public void SaveInstall(WorkspaceInstall install)
    {
        ArgumentNullException.ThrowIfNull(install);
        lock (_gate)
        {
            _installs[install.WorkspaceId] = install;
        }
    }

    public WorkspaceInstall? FindInstall(string workspaceId)
    {
        lock (_gate)
        {
            return _installs.GetValueOrDefault(workspaceId);
        }
    }

    public IReadOnlyList<WorkspaceInstall> LoadInstalls()
    {
        lock (_gate)
        {
            return [.. _installs.Values];
        }
    }

    public bool RemoveInstall(string workspaceId)
    {
        lock (_gate)
        {
            return _installs.Remove(workspaceId);
        }
    }

    public void ProbeWrite()
    {
        // Memory is always writable: nothing to probe.
    }

    public string? FilePath => null;

    public string? CheckFile() => null;

    public int CountPosts()
    {
        lock (_gate)
        {
            return _posts.Count;
        }
    }

    public void Dispose()
    {
        // Nothing held outside memory.
    }

    private static void Refuse(IReadOnlyList<QueuedPost> posts)
    {
        foreach (var (_, channels) in posts)
        {
            if (channels.Distinct(StringComparer.Ordinal).Count() != channels.Count)
            {
                throw new StorageException("a post was queued twice for the same channel");
            }
        }
    }

    private void Queue(long? messageId, IReadOnlyList<QueuedPost> posts, DateTimeOffset now)
    {
        foreach (var (post, channels) in posts)
        {
            var corrects = post.Kind == PostKind.Correction
                ? _posts.FirstOrDefault(p => p.Post.Subject == post.Subject && p.Post.Kind == PostKind.Declaration)?.Id
                : null;
            // Stored as the database stores it: what a post is about is kept (an announcement channel publishes the
            // changes of control), read back as a copy.
            var stored = new StoredPost(_posts.Count + 1, messageId, post with { Topic = post.Topic is { } topic ? topic with { Parties = new HashSet<string>(topic.Parties, StringComparer.Ordinal) } : null }, corrects, now);
            _posts.Add(stored);
            foreach (var channel in channels)
            {
                _deliveries.Add(new Delivery(_deliveries.Count + 1, stored.Id, channel));
            }

            if (corrects is { } original)
            {
                // A correction follows the original to every subscribed channel that had it, whatever its filter says now.
                var followers = _deliveries
                    .Where(d => d.PostId == original && d.FailedReason is null && _subscriptions.ContainsKey(d.Channel))
                    .Select(d => d.Channel)
                    .Where(c => !_deliveries.Any(d => d.PostId == stored.Id && d.Channel == c))
                    .ToList();
                foreach (var channel in followers)
                {
                    _deliveries.Add(new Delivery(_deliveries.Count + 1, stored.Id, channel));
                }
            }
        }
    }

    private PendingDelivery Pending(Delivery delivery)
    {
        var post = PostOf(delivery);
        var original = post.CorrectsPostId is { } corrects
            ? _deliveries.FirstOrDefault(d => d.PostId == corrects && d.Channel == delivery.Channel)
            : null;
        // Only a post that may already be out needs the one before it (to look after it).
        var previous = delivery.AttemptedAt is null
            ? null
            : _deliveries.LastOrDefault(d => d.Channel == delivery.Channel && d.Id < delivery.Id && d.PlatformMessageId is not null && d.FailedReason is null)?.PlatformMessageId;
        return new PendingDelivery(delivery.Id, post.Id, delivery.Channel, post.Post, post.CorrectsPostId, post.CreatedAt)
        {
            CorrectsPlatformMessageId = original is not null && !InDigest(original) ? original.PlatformMessageId : null,
            Attempted = delivery.AttemptedAt is not null,
            AttemptedAt = delivery.AttemptedAt,
            PreviousPlatformMessageId = previous,
        };
    }

    // A message that carried more than one declaration on the channel is a digest: editing it for one correction
    // would replace the other councils' headlines.
    private bool InDigest(Delivery delivery) =>
        delivery.PlatformMessageId is { } id
        && _deliveries.Any(other => other.Id != delivery.Id && other.Channel == delivery.Channel && other.PlatformMessageId == id && PostOf(other).Post.Kind == PostKind.Declaration);

    private string? LatestCorrectionSent(long postId, string channel) =>
        _posts.Where(c => c.CorrectsPostId == postId)
            .Where(c => _deliveries.Any(d => d.PostId == c.Id && d.Channel == channel && d.DeliveredAt is not null && d.FailedReason is null))
            .LastOrDefault()?.Post.Headline;

    private StoredPost PostOf(Delivery delivery) => _posts[(int)delivery.PostId - 1];

    private bool IsPaused(string channel) => _subscriptions.TryGetValue(channel, out var subscription) && subscription.PausedAt is not null;

    private IEnumerable<Delivery> Find(IReadOnlyList<long> ids) =>
        ids.Where(id => id >= 1 && id <= _deliveries.Count).Select(id => _deliveries[(int)id - 1]);

    private sealed record StoredPost(long Id, long? MessageId, Post Post, long? CorrectsPostId, DateTimeOffset CreatedAt);

    private sealed class Delivery(long id, long postId, string channel)
    {
        public long Id { get; } = id;

        public long PostId { get; } = postId;

        public string Channel { get; } = channel;

        public DateTimeOffset? DeliveredAt { get; set; }

        public string? PlatformMessageId { get; set; }

        public DateTimeOffset? AttemptedAt { get; set; }

        public string? FailedReason { get; set; }
    }
}
