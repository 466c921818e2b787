namespace ResultsBot.Domain.Publishing;

/// <summary>What to do next in one channel: publish <see cref="Next"/> now, or look again at <see cref="WaitUntil"/>; neither when nothing is owed.</summary>
public sealed record PublishDecision(PublishCandidate? Next, DateTimeOffset? WaitUntil)
{
    public static PublishDecision Nothing { get; } = new(null, null);
}
