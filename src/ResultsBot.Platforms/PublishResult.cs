namespace ResultsBot.Platforms;

public enum PublishResult
{
    Published,

    /// <summary>The platform says it was published before (a publish asked for again after a crash).</summary>
    AlreadyPublished,

    /// <summary>The message is no longer there.</summary>
    MessageGone,

    /// <summary>The channel cannot publish (not an announcement channel).</summary>
    NotAnnouncementChannel,

    /// <summary>The platform refused for good (e.g. a missing permission).</summary>
    Refused,
}
