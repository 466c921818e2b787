namespace ResultsBot.Slack.WebApi;

/// <summary>
/// One emission interval with a burst allowance (the generic cell rate algorithm): each caller books
/// the earliest start that keeps to the rate, so concurrent callers queue fairly without a timer loop.
/// </summary>
internal sealed class PaceLimiter(TimeSpan interval, int burst)
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _tolerance = interval * Math.Max(0, burst - 1);
    private DateTimeOffset _theoreticalArrival = DateTimeOffset.MinValue;

    /// <summary>Books the next slot at or after <paramref name="now"/> and returns when it starts.</summary>
    public DateTimeOffset Reserve(DateTimeOffset now)
    {
        lock (_gate)
        {
            var arrival = _theoreticalArrival < now ? now : _theoreticalArrival;
            var start = arrival - _tolerance < now ? now : arrival - _tolerance;
            _theoreticalArrival = arrival + interval;
            return start;
        }
    }

    /// <summary>After a 429: no slot starts before <paramref name="until"/>.</summary>
    public void HoldUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            var arrival = until + _tolerance;
            if (arrival > _theoreticalArrival)
            {
                _theoreticalArrival = arrival;
            }
        }
    }
}
