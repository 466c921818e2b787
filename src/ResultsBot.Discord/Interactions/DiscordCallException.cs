namespace ResultsBot.Discord.Interactions;

/// <summary>Discord refused a callback, follow-up or registration; <see cref="Status"/> is the HTTP status.</summary>
public sealed class DiscordCallException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
