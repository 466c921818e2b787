using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Tests.Builders;

/// <summary>Candidate-election messages for tests: a Hackney mayoralty, a Scottish constituency.</summary>
public static class Candidates
{
    public static Contest Hackney { get; } = new(ContestKind.Mayor, "Hackney", "Mayoral Elections", "M", 182136);

    public static Contest AberdeenCentral { get; } = new(ContestKind.Constituency, "Aberdeen Central", "Scottish Parliament", "S", 56817);

    public static Candidate Harvey { get; } = new("Jim", "Harvey", new PartyCode("Green"), "Green", Elected: true, Votes: 62806, Share: 45.21m);

    public static Candidate Cooper { get; } = new("John", "Cooper", new PartyCode("Lab"), "Labour", Elected: false, Sitting: true, Votes: 25902, Share: 18.65m, ShareChange: -30.09m);

    public static Candidate Hutton { get; } = new("Ian", "Hutton", new PartyCode("Ind"), "Independent Ian Hutton", Elected: false, Votes: 2089, Share: 1.5m);

    public static CandidateRush Rush(int revision, string winner, string? sitting, bool gain, Contest? contest = null) =>
        new(revision, contest ?? Hackney, null, new PartyCode(winner), sitting is null ? null : new PartyCode(sitting), gain, null);

    public static CandidateResult GreenGain(int revision = 1) =>
        new(revision, Hackney, [Harvey, Cooper, Hutton], new PartyCode("Green"), new PartyCode("Lab"), true, 138910, 76.27m, 4.5m, 36904, 26.57m,
            new DateTimeOffset(2026, 5, 7, 1, 30, 0, TimeSpan.Zero));

    public static CandidateResult LabourHold(int revision = 1) =>
        new(revision, Hackney, [Cooper with { Elected = true, Votes = 59902, Share = 48.74m, ShareChange = null }, Harvey with { Elected = false, Votes = 12806, Share = 10.42m }],
            new PartyCode("Lab"), new PartyCode("Lab"), false, 122910, 67.48m, null, 47096, 38.32m);
}
