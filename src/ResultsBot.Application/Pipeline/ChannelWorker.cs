namespace ResultsBot.Application.Pipeline;

/// <summary>
/// One channel's worker, as delivery and publishing each keep one per channel: one pass at a time, so the channel's
/// order holds; a kick while a pass runs makes it look again before it stops, so nothing kicked meanwhile waits for
/// the next kick. Callers lock on the worker to read or set <see cref="WakeAt"/>.
/// </summary>
internal sealed class ChannelWorker
{
    private Task<int>? _running;
    private bool _again;

    /// <summary>When the worker is next to run of its own accord (an open digest closing, a limit ending); null when nothing is due.</summary>
    public DateTimeOffset? WakeAt { get; set; }

    /// <summary>Starts a pass if idle; if busy, tells it to look again. The task gives what all its passes did.</summary>
    /// <param name="pass">One look at the channel: how many things it sent or published.</param>
    /// <param name="failed">A pass that threw (other than for stopping): the worker carries on, never dying unobserved.</param>
    public Task<int> Ensure(Func<Task<int>> pass, Action<Exception> failed, CancellationToken cancellationToken)
    {
        lock (this)
        {
            if (_running is { } running)
            {
                _again = true;
                return running;
            }

            _running = Task.Run(() => RunAsync(pass, failed, cancellationToken), CancellationToken.None);
            return _running;
        }
    }

    private async Task<int> RunAsync(Func<Task<int>> pass, Action<Exception> failed, CancellationToken cancellationToken)
    {
        var done = 0;
        while (true)
        {
            lock (this)
            {
                _again = false;
            }

            try
            {
                done += await pass();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The bot is stopping (SIGTERM): what was not done stays owed for the next start; nothing failed.
            }
            catch (Exception ex)
            {
                failed(ex);
            }

            lock (this)
            {
                if (!_again || cancellationToken.IsCancellationRequested)
                {
                    _running = null;
                    return done;
                }
            }
        }
    }
}
