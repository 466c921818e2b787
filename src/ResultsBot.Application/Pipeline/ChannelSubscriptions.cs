using System.Collections.Concurrent;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Application.Storage;


namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Which channels want which posts: the stored subscriptions, read once and kept in memory so that
/// choosing the channels of a post costs nothing next to storing it. Paused channels still get posts
/// queued (kept for when they come back); the dispatcher does not send to them.
/// </summary>
public sealed class ChannelSubscriptions
{
    private readonly ISubscriptionStore _store;
    private readonly ConcurrentDictionary<string, Entry> _channels = new(StringComparer.Ordinal);

    public ChannelSubscriptions(ISubscriptionStore store)
    {
        _store = store;
        foreach (var stored in store.LoadSubscriptions())
        {
            _channels[stored.Channel] = new Entry(Read(stored.Filter), stored);
        }
    }

    public IReadOnlyCollection<string> Channels => [.. _channels.Keys];

    public int PausedCount => _channels.Values.Count(e => e.Stored.PausedAt is not null);

    /// <summary>The channels this post goes to, in a stable order.</summary>
    public IReadOnlyList<string> ChannelsFor(Post post) =>
        [.. _channels.Where(c => c.Value.Filter.Matches(post)).Select(c => c.Key).Order(StringComparer.Ordinal)];

    public StoredSubscription? Find(string channel) => _channels.TryGetValue(channel, out var entry) ? entry.Stored : null;

    public SubscriptionFilter? FilterOf(string channel) => _channels.TryGetValue(channel, out var entry) ? entry.Filter : null;

    /// <summary>Digests when the channel's filter asks for them.</summary>
    public DigestPolicy DigestFor(string channel) =>
        FilterOf(channel) is { Digest: true } filter ? new DigestPolicy(true, filter.DigestWindow ?? DigestPolicy.DefaultWindow) : DigestPolicy.Off;

    public void Subscribe(string channel, SubscriptionFilter filter, string origin, string by)
    {
        _store.Subscribe(channel, SubscriptionText.Write(filter), origin, by);
        Reload(channel);
    }

    /// <summary>Many channels at once (configuration at start): one transaction, and the stored list read back once.</summary>
    public void SubscribeAll(IReadOnlyCollection<(string Channel, SubscriptionFilter Filter)> subscriptions, string origin, string by)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        _store.SubscribeMany([.. subscriptions.Select(s => (s.Channel, SubscriptionText.Write(s.Filter)))], origin, by);
        foreach (var stored in _store.LoadSubscriptions())
        {
            _channels[stored.Channel] = new Entry(Read(stored.Filter), stored);
        }
    }

    public bool Unsubscribe(string channel)
    {
        var removed = _store.Unsubscribe(channel);
        _channels.TryRemove(channel, out _);
        return removed;
    }

    public void Pause(string channel, string reason)
    {
        _store.Pause(channel, reason);
        Reload(channel);
    }

    /// <summary>
    /// Reads every subscription again, dropping the channels no longer there: another instance sharing the store
    /// subscribed, changed, paused or removed one.
    /// </summary>
    public void ReloadAll()
    {
        var stored = _store.LoadSubscriptions();
        foreach (var subscription in stored)
        {
            _channels[subscription.Channel] = new Entry(Read(subscription.Filter), subscription);
        }

        var kept = stored.Select(s => s.Channel).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _channels.Keys.Where(c => !kept.Contains(c)).ToList())
        {
            _channels.TryRemove(gone, out _);
        }
    }

    private void Reload(string channel)
    {
        if (_store.LoadSubscriptions().FirstOrDefault(s => s.Channel == channel) is { } stored)
        {
            _channels[channel] = new Entry(Read(stored.Filter), stored);
        }
    }

    private static SubscriptionFilter Read(string text) => SubscriptionParser.ReadStored(text);

    private sealed record Entry(SubscriptionFilter Filter, StoredSubscription Stored);
}
