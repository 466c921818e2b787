namespace ResultsBot.Application.Instances;

/// <summary>What another instance did to the shared store, as it tells the rest.</summary>
public enum StoreChange
{
    /// <summary>Messages were accepted: read the night on from the last one this instance has.</summary>
    Accepted,

    /// <summary>A subscription was made, changed, paused or removed: read them again.</summary>
    Subscriptions,

    /// <summary>A post of the bot's own was queued (an alert): the reader delivers it.</summary>
    Queued,

    /// <summary>The listener (re)connected: anything may have been missed while it was not listening.</summary>
    Reconnected,
}
