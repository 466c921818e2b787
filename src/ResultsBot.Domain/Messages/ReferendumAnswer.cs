namespace ResultsBot.Domain.Messages;

/// <summary>One answer on a referendum's ballot ("Yes", "No") and the votes it got.</summary>
public sealed record ReferendumAnswer(string Name, int Votes);
