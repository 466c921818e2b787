using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Contests;

/// <summary>A mayoralty's or police area's call: from the full result when it is in, else from PA's rush.</summary>
/// <param name="Key">The message it comes from, for when it was taken.</param>
public sealed record ContestCall(Contest Contest, PartyCode Winner, PartyCode? Sitting, bool Gain, string Key)
{
    /// <summary>True when the post changed hands: a gain, from a known holder of another party.</summary>
    public bool ChangedHands => Gain && Sitting is { } sitting && sitting != Winner;
}
