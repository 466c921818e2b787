using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Parties;

/// <summary>
/// Parties as ward results name them (Democracy Club gives the registered name and the Electoral
/// Commission id): the bot's party code, for filters and colours, and the short name a headline uses.
/// </summary>
public static class WardParties
{
    private static readonly Dictionary<string, string> ByRegisterId = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PP53"] = "Lab", ["PP52"] = "C", ["PP90"] = "LD", ["PP63"] = "Green", ["PP130"] = "Green",
        ["PP7931"] = "Reform", ["PP77"] = "PC", ["PP102"] = "SNP", ["ynmp-party:2"] = "Ind",
    };

    // Checked in order when the id is missing or unknown: "Scottish Green Party" is Green, "Labour and Co-operative Party" Labour.
    private static readonly (string Words, string Code)[] ByName =
    [
        ("Liberal Democrat", "LD"), ("Labour", "Lab"), ("Conservative", "C"), ("Green", "Green"), ("Reform UK", "Reform"),
        ("Plaid Cymru", "PC"), ("Scottish National", "SNP"), ("Independent", "Ind"),
    ];

    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["LD"] = "Lib Dem", ["Lab"] = "Labour", ["C"] = "Conservative", ["Green"] = "Green", ["Reform"] = "Reform UK",
        ["PC"] = "Plaid Cymru", ["SNP"] = "SNP", ["Ind"] = "Independent",
    };

    /// <summary>The bot's code for the candidate's party; the party's own name when it is not one the bot knows.</summary>
    public static PartyCode CodeOf(WardCandidate candidate)
    {
        if (candidate.PartyId is { } id && ByRegisterId.TryGetValue(id, out var code))
        {
            return new PartyCode(code);
        }

        foreach (var (words, known) in ByName)
        {
            if (candidate.Party.Contains(words, StringComparison.OrdinalIgnoreCase))
            {
                return new PartyCode(known);
            }
        }

        return new PartyCode(candidate.Party);
    }

    /// <summary>"Lib Dem", "Labour", "Conservative"; a party the bot does not know keeps its registered name.</summary>
    public static string ShortName(PartyCode party) => ShortNames.GetValueOrDefault(party.Value, party.Value);

    public static string ShortNameOf(WardCandidate candidate) => ShortName(CodeOf(candidate));
}
