namespace ResultsBot.Discord.Gateway;

/// <summary>Shared by a connection's reader and its heartbeat: is an ACK outstanding, and did we give up on it.</summary>
internal sealed class HeartbeatState
{
    private volatile bool _awaitingAck;
    private volatile bool _zombie;

    public bool AwaitingAck
    {
        get => _awaitingAck;
        set => _awaitingAck = value;
    }

    public bool Zombie
    {
        get => _zombie;
        set => _zombie = value;
    }
}
