using ResultsBot.Platforms;

namespace ResultsBot.Discord.Gateway;

/// <summary>
/// Identify turns within this process only, for the only instance (SQLite, or one bot on its store): each bucket
/// may identify once every <see cref="IIdentifyTurns.Window"/>. Going faster gets op 9 (Invalid Session).
/// </summary>
internal sealed class IdentifyPacer(TimeProvider time) : IIdentifyTurns
{
    private readonly Dictionary<(int Bucket, int MaxConcurrency), long> _lastIdentify = [];

    public void Identified(int bucket, int maxConcurrency)
    {
        lock (_lastIdentify)
        {
            _lastIdentify[(bucket, maxConcurrency)] = time.GetTimestamp();
        }
    }

    public async Task WaitTurnAsync(int bucket, int maxConcurrency, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lastIdentify)
            {
                if (!_lastIdentify.TryGetValue((bucket, maxConcurrency), out var at) || time.GetElapsedTime(at) >= IIdentifyTurns.Window)
                {
                    _lastIdentify[(bucket, maxConcurrency)] = time.GetTimestamp();
                    return;
                }

                wait = IIdentifyTurns.Window - time.GetElapsedTime(at);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
