using ResultsBot.Domain.Posts;

namespace ResultsBot.Platforms;

/// <summary>The operations channel (Operations:Channel), for a problem an adapter meets that only a person can fix.</summary>
public interface IOperationsChannel
{
    /// <summary>Queues <paramref name="alert"/> for the operations channel; nothing when none is set.</summary>
    void Tell(Post alert);
}
