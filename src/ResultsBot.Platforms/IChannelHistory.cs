namespace ResultsBot.Platforms;

/// <summary>
/// A platform whose channels the bot can read back. Before a run sends anything, it asks whether posts
/// its database holds as never sent are in fact already there: if so, the database does not match the
/// channel (lost, rolled back or replaced), and sending would post the night again.
/// </summary>
public interface IChannelHistory
{
    /// <summary>
    /// The delivery ids of those posts the channel's newest messages already show as the bot's own (the
    /// delivery's reference and the same headline). Empty when none are, or when the history cannot be read.
    /// </summary>
    Task<IReadOnlyList<long>> AlreadyThereAsync(string channelId, IReadOnlyList<OutgoingPost> posts, CancellationToken cancellationToken);
}
