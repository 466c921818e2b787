namespace ResultsBot.Application.Pipeline;

/// <summary>Where feed alerts go and when they fire (Operations:Channel, Operations:FeedFailingAfter, Operations:FeedSilentAfter).</summary>
/// <param name="Channel">The operations channel; null means alerts are only logged.</param>
public sealed record FeedAlertPolicy(string? Channel, TimeSpan FailingAfter, TimeSpan SilentAfter)
{
    public static readonly TimeSpan DefaultFailingAfter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan DefaultSilentAfter = TimeSpan.FromMinutes(30);

    public static FeedAlertPolicy Default { get; } = new(null, DefaultFailingAfter, DefaultSilentAfter);
}
