namespace ResultsBot.Application.Pipeline;

/// <summary>Whether a channel gets declarations grouped into digests, and how long a digest waits for more.</summary>
public sealed record DigestPolicy(bool Enabled, TimeSpan Window)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(20);

    public static DigestPolicy Off { get; } = new(false, DefaultWindow);
}
