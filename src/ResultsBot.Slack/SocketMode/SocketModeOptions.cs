namespace ResultsBot.Slack.SocketMode;

/// <summary>How the Socket Mode client watches and rebuilds its connection. The defaults suit production.</summary>
/// <param name="SilenceTimeout">A connection that answers nothing for this long is taken for dead: the client pings
/// every half of it and gives up when no pong comes within the other half, then reconnects.</param>
/// <param name="HelloTimeout">How long a new socket may take to say hello.</param>
/// <param name="MinBackoff">The first wait before connecting again after a failure; doubled each failure.</param>
/// <param name="MaxBackoff">The longest wait between attempts.</param>
public sealed record SocketModeOptions(TimeSpan SilenceTimeout, TimeSpan HelloTimeout, TimeSpan MinBackoff, TimeSpan MaxBackoff)
{
    public static SocketModeOptions Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
}
