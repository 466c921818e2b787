namespace ResultsBot.Platforms;

/// <summary>
/// The threads the bot opened in channels that take no plain message (a Discord forum): the night's posts go as
/// replies in one thread, and a restart must continue in it, never open a second. Kept with everything else the
/// bot remembers (every store implements it); here, beside the outlets, because an outlet is what asks.
/// </summary>
public interface IForumThreadStore
{
    /// <summary>The thread opened in <paramref name="channel"/> ("discord:123") under this title, if one is remembered.</summary>
    string? FindForumThread(string channel, string title);

    /// <summary>Remembers the thread; the first one remembered for a channel and title stays (a second is ignored).</summary>
    void RememberForumThread(string channel, string title, string threadId);
}
