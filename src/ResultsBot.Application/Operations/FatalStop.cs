namespace ResultsBot.Application.Operations;

/// <summary>
/// Why the bot stopped itself, when it did: the run verb turns it into one "error:" line and a non-zero
/// exit after the host has shut down, so a supervisor (Restart=on-failure) sees a failure.
/// </summary>
public sealed class FatalStop
{
    private string? _reason;

    public string? Reason => Volatile.Read(ref _reason);

    /// <summary>Keeps the first reason: later ones are consequences of it.</summary>
    public void Record(string reason) => Interlocked.CompareExchange(ref _reason, reason, null);
}
