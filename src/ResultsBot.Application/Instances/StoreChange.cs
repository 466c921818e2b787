namespace ResultsBot.Application.Instances;

/// <summary>What another instance did to the shared store, as it tells the rest.</summary>
public enum StoreChange
{
    /// <summary>Messages were accepted: read the night on from the last one this instance has.</summary>
    Accepted,

    /// <summary>A subscription was made, changed, paused or removed: read them again.</summary>
    Subscriptions,

    /// <summary>A post of the bot's own was queued (an alert): the instance delivering its channel sends it.</summary>
    Queued,

    /// <summary>
    /// This instance took delivery partitions another let go of (it handed them on, or died): what their channels have
    /// queued is this instance's to send now.
    /// </summary>
    DeliveryTaken,

    /// <summary>The listener (re)connected: anything may have been missed while it was not listening.</summary>
    Reconnected,
}
