namespace ResultsBot.Platforms;

/// <summary>
/// Turns to open a Gateway session (Discord's IDENTIFY), which Discord counts per bot token, not per connection: each
/// max_concurrency bucket (shard id modulo max_concurrency) may identify once every five seconds, and one identifying
/// sooner gets an Invalid Session and uses up a session start. The only instance paces its own shards; instances
/// sharing a PostgreSQL database take the turns of a bucket one at a time between them.
/// </summary>
public interface IIdentifyTurns
{
    /// <summary>Discord's five seconds, and a little more: Discord counts from when each identify reaches it.</summary>
    static readonly TimeSpan Window = TimeSpan.FromSeconds(5.2);

    /// <summary>Waits until <paramref name="bucket"/> may identify, and takes its turn (before connecting).</summary>
    Task WaitTurnAsync(int bucket, int maxConcurrency, CancellationToken cancellationToken);

    /// <summary>
    /// The identify went out (or may have: the connection ended after the turn was taken): the bucket's next turn is
    /// <see cref="Window"/> from now, not from when this connection began.
    /// </summary>
    void Identified(int bucket, int maxConcurrency);
}
