namespace ResultsBot.Chat;

/// <summary>Channels a part's own settings name (Discord:Channels, Slack:Channels), as platform:id; each gets every post.</summary>
public sealed record ConfiguredChannels(IReadOnlyList<string> Channels);
