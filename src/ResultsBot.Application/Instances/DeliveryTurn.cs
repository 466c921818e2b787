namespace ResultsBot.Application.Instances;

/// <summary>
/// One pass of delivery to a channel, taken while this instance holds the channel's delivery partition. The partition is
/// not handed on while a turn is open: <see cref="Ending"/> is cancelled when it is to be handed on (or its lease was
/// lost with the connection), the pass stops before its next send (one in flight is cancelled), and disposing the turn
/// lets the lease go, so the next owner never sends beside this one.
/// </summary>
public sealed class DeliveryTurn : IDisposable
{
    private Action? _ended;

    /// <param name="ended">Called once, when the turn is disposed.</param>
    /// <param name="ending">Cancelled when the pass must stop.</param>
    public DeliveryTurn(Action? ended, CancellationToken ending)
    {
        Ending = ending;
        _ended = ended;
    }

    /// <summary>The only instance on its store: every channel's turn, never ending.</summary>
    public static DeliveryTurn Always { get; } = new(null, CancellationToken.None);

    /// <summary>Cancelled when the pass must stop: the partition is being handed on, or was lost.</summary>
    public CancellationToken Ending { get; }

    public void Dispose() => Interlocked.Exchange(ref _ended, null)?.Invoke();
}
