namespace ResultsBot.Domain.Publishing;

/// <summary>How much a message matters to the servers that follow a channel; the lower, the sooner it is published.</summary>
public enum PublishRank
{
    /// <summary>A quarter, half, three quarters or all councils declared, with the map.</summary>
    Milestone = 0,

    /// <summary>A correction that went out as a message of its own, of news followers may have seen.</summary>
    Correction = 1,

    /// <summary>A council, mayoralty or police area changing hands.</summary>
    ChangeOfControl = 2,

    /// <summary>A digest that carries at least one change of control.</summary>
    Digest = 3,
}
