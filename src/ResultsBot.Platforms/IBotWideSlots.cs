namespace ResultsBot.Platforms;

/// <summary>
/// A bot-wide limit (Discord's global one, counted per bot token whichever instance sends) kept in one place every
/// instance takes from, rather than split into fixed parts: together they never pass it, and an instance with more to
/// send than the others uses what they leave. A slot is taken before a request goes out and released when its answer
/// is in; it frees a window after that.
/// </summary>
public interface IBotWideSlots
{
    /// <summary>
    /// How long a slot stays taken after its answer. Discord counts a request when it arrives, somewhere between its
    /// send and its answer, so a second (and a little) after the answer no second of arrivals can hold more than the limit.
    /// </summary>
    static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1005);

    /// <summary>
    /// Waits for one of the bot's <paramref name="wholeLimit"/> slots. Null while the shared slots cannot be reached:
    /// the caller then keeps to its share of the limit (<see cref="IGlobalLimitShare"/>), which says so meanwhile.
    /// </summary>
    Task<IBotWideSlot?> TakeAsync(int wholeLimit, CancellationToken cancellationToken);
}

/// <summary>One slot of the bot-wide limit, held while its request is in flight.</summary>
public interface IBotWideSlot
{
    /// <summary>The request has its answer (or failed): the slot frees a window from now. A second call does nothing.</summary>
    void Release();
}
