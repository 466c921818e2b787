namespace ResultsBot.Platforms;

/// <summary>
/// A platform that can publish a message already posted in a channel to the channels that follow it (Discord's
/// announcement channels). Rate limits are its business: it waits its turn rather than fail, on a queue of its
/// own, so a long publish limit never holds up posting. Any exception is "try again later".
/// </summary>
public interface IMessagePublisher
{
    /// <summary>The platform part of a <see cref="ChannelAddress"/>: "discord".</summary>
    string Platform { get; }

    Task<PublishResult> PublishAsync(string channelId, string messageId, CancellationToken cancellationToken);

    /// <summary>Whether the channel can publish at all (an announcement channel); null when the platform cannot say now.</summary>
    Task<bool?> IsAnnouncementChannelAsync(string channelId, CancellationToken cancellationToken);
}
