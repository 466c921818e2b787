namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Whether the running bot has read the night back from its store yet. Until it has, its book is empty, and an
/// answer from it ("No council has declared yet") would be wrong, not merely late: commands wait for the read a
/// moment, and /readyz says the instance is starting. The verbs that read the store before answering, and the
/// tests that build a desk of their own, have none and never wait.
/// </summary>
public sealed class NightReadBack
{
    /// <summary>How long a command waits for the read before it is told to ask again (Discord wants an answer in 3 s).</summary>
    public static readonly TimeSpan CommandPatience = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Done => _read.Task.IsCompleted;

    /// <summary>The night is in the book: everything from now on answers from it.</summary>
    public void Finished() => _read.TrySetResult();

    /// <summary>True once the night is read, waiting up to <paramref name="patience"/> for it; false if it is not read by then.</summary>
    public async Task<bool> WaitAsync(TimeSpan patience, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Done)
        {
            return true;
        }

        try
        {
            await _read.Task.WaitAsync(patience, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
