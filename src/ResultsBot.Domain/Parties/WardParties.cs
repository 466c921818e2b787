using ResultsBot.Domain.Messages;

namespace ResultsBot.Domain.Parties;

/// <summary>
/// Parties as ward results name them (Democracy Club gives the registered name and the Electoral
/// Commission id): the bot's party code, for filters and colours, and the house names posts use.
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

    /// <summary>
    /// A candidate's party as a label, in the names every other post uses: "Liberal Democrat", "Labour",
    /// "Conservative", "Green"; a party the bot does not know keeps its registered name.
    /// </summary>
    public static string Label(PartyCode party) => PartyNames.AdjectiveOf(party);

    /// <summary>The party in a sentence, as council posts name it: "Liberal Democrats hold", "Greens gain from Labour".</summary>
    public static string SentenceName(PartyCode party) => PartyNames.NameOf(party);

    public static string LabelOf(WardCandidate candidate) => Label(CodeOf(candidate));
}
