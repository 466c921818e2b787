namespace ResultsBot.Platforms;

/// <summary>
/// What the bot shows as its status where a platform has one (Discord's Gateway: "Watching 36 of 107 councils
/// declared"). Set at milestones only: each change is a message on the connection, within its send limit.
/// </summary>
public interface IBotPresence
{
    /// <summary>What the bot is watching now; kept, and shown again after a reconnect.</summary>
    void Show(string watching);
}
