namespace ResultsBot.Discord.Gateway;

/// <summary>The client's waits, as Discord advises; tests shorten them.</summary>
internal sealed record GatewayTimings
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After Invalid Session (d=false) Discord asks for a random wait of 1–5 s before identifying again.</summary>
    public TimeSpan InvalidSessionMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait after a failed connection; it doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);
}
