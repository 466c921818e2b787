namespace ResultsBot.Domain.Messages;

/// <summary>
/// One message of a results feed. A message with a higher <see cref="Revision"/> and the same
/// <see cref="Key"/> supersedes an earlier one; an equal or lower revision changes nothing.
/// </summary>
public abstract record FeedMessage(int Revision)
{
    public abstract string Key { get; }
}
