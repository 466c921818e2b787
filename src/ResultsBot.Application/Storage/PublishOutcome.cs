namespace ResultsBot.Application.Storage;

public enum PublishOutcome
{
    /// <summary>The platform published it (or said it already had): it counts towards the hour's limit.</summary>
    Published,

    /// <summary>It will never be published (the message is gone, or the platform refused for good): it does not count.</summary>
    GivenUp,
}
