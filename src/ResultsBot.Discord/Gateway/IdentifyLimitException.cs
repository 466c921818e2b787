namespace ResultsBot.Discord.Gateway;

/// <summary>GET /gateway/bot says no session starts are left today: identifying now would get the token reset.</summary>
internal sealed class IdentifyLimitException(TimeSpan resetAfter) : Exception("the daily session-start limit is used up")
{
    public TimeSpan ResetAfter { get; } = resetAfter;
}
