namespace ResultsBot.Domain.Posts;

public enum PostKind
{
    Declaration,
    Correction,

    /// <summary>A point of the night: a quarter, half, three quarters, all councils declared.</summary>
    Milestone,

    /// <summary>Several declarations close together, one headline each.</summary>
    Digest,

    /// <summary>News that is not a council's result, such as a new projected national share.</summary>
    Announcement,
}
