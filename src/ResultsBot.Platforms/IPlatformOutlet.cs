namespace ResultsBot.Platforms;

/// <summary>
/// A platform posts are sent to. The delivery worker calls it for one channel at a time, in order, and
/// never twice at once for the same channel. Rate limits are the outlet's business: it waits its turn
/// rather than fail. Any exception other than <see cref="ChannelGoneException"/> and
/// <see cref="PostRejectedException"/> is taken as "try again later": the post stays queued.
/// </summary>
public interface IPlatformOutlet
{
    /// <summary>The platform part of a <see cref="ChannelAddress"/>: "console", "discord", "slack".</summary>
    string Platform { get; }

    /// <summary>Sends (or, for a correction with an original, edits and notes) and returns the platform's id of the message, if any.</summary>
    Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken);
}
