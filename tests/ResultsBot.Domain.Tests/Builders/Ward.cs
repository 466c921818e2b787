using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Tests.Builders;

/// <summary>Ward results as Democracy Club names parties: registered names and Electoral Commission ids.</summary>
public static class Ward
{
    private static readonly Dictionary<string, (string Name, string Id)> Parties = new(StringComparer.Ordinal)
    {
        ["LD"] = ("Liberal Democrats", "PP90"),
        ["Lab"] = ("Labour Party", "PP53"),
        ["C"] = ("Conservative and Unionist Party", "PP52"),
        ["Green"] = ("Green Party", "PP63"),
        ["Reform"] = ("Reform UK", "PP7931"),
    };

    public static WardCandidate Candidate(string name, string party, int votes, bool elected = false) =>
        new(name, Parties[party].Name, Parties[party].Id, votes, elected);

    public static WardResult Result(string council, string ward, DateOnly date, params WardCandidate[] candidates) =>
        new(1, $"local.{Slug(council)}.{Slug(ward)}.{date:yyyy-MM-dd}", "local", council, ward, date, false, candidates, null, null);

    public static WardResult ByElection(string council, string ward, DateOnly date, params WardCandidate[] candidates) =>
        Result(council, ward, date, candidates) with { BallotId = $"local.{Slug(council)}.{Slug(ward)}.by.{date:yyyy-MM-dd}", IsByElection = true };

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
