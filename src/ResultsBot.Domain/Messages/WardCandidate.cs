namespace ResultsBot.Domain.Messages;

/// <summary>One candidate on a ward's ballot paper and how they did.</summary>
/// <param name="Party">The party as the feed names it ("Liberal Democrats", "Labour Party").</param>
/// <param name="PartyId">The Electoral Commission's register id ("PP90"), or the feed's id for independents; null when not given.</param>
public sealed record WardCandidate(string Name, string Party, string? PartyId, int Votes, bool Elected);
