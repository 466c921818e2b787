using ResultsBot.Domain.Messages;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Spaces a replay's posts as the night spaced the declarations, <c>speed</c> times faster. Declarations
/// carrying PA's declarationTime keep their real gaps; others are taken as a minute apart.
/// </summary>
public sealed class ReplayPacer(double speed, TimeProvider time)
{
    /// <summary>Without a feed's own times, a replay treats declarations as a minute apart.</summary>
    public static readonly TimeSpan NominalGapBetweenDeclarations = TimeSpan.FromMinutes(1);

    private bool _started;
    private DateTimeOffset? _previousTime;

    public async Task BeforePostAsync(FeedMessage message, CancellationToken cancellationToken)
    {
        var declaredAt = message switch
        {
            CouncilDeclaration d => d.DeclaredAt,
            CandidateResult r => r.DeclaredAt,
            ListResult l => l.DeclaredAt,
            _ => null,
        };
        if (_started)
        {
            var gap = declaredAt is { } now && _previousTime is { } before
                ? TimeSpan.FromTicks(Math.Max(0, (now - before).Ticks))
                : NominalGapBetweenDeclarations;
            var wait = gap / speed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }
        }

        _started = true;
        _previousTime = declaredAt ?? _previousTime;
    }
}
