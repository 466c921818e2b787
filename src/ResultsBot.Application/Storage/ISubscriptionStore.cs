namespace ResultsBot.Application.Storage;

/// <summary>Which channels are subscribed, with what filter (as /subscribe text), and which are paused.</summary>
public interface ISubscriptionStore
{
    IReadOnlyList<StoredSubscription> LoadSubscriptions();

    /// <summary>
    /// Subscribes channels or changes their filters, in one unit of work. Configuration ("config") never overwrites
    /// what a command set; a command also lifts a pause.
    /// </summary>
    void SubscribeMany(IReadOnlyCollection<(string Channel, string Filter)> subscriptions, string origin, string updatedBy);

    /// <summary>Removes a channel's subscription and settles what was queued for it. False when there was none.</summary>
    bool Unsubscribe(string channel);

    /// <summary>Stops sending to a channel that cannot take posts; its queue is kept for when it is subscribed again.</summary>
    void Pause(string channel, string reason);
}
