using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// What a list command was asked to narrow to: a party ("/gains Labour"), a region or nation
/// ("/awaiting North West"), or "all" for the whole list. Nothing narrows to everything, the latest few shown.
/// </summary>
internal sealed record Narrowing(bool All, PartyCode? Party, string? Place)
{
    /// <summary>How the list's heading says it: "held by Labour", "in the North West"; null when not narrowed.</summary>
    public string? Words => Party is { } party
        ? party.IsNoOverallControl ? "under no overall control" : $"held by {PartyNames.NameOf(party)}"
        : Place is { } place ? $"in {(place is "North East" or "North West" or "East Midlands" or "West Midlands" or "East of England" or "South East" or "South West" ? "the " + place : place)}" : null;

    /// <summary>Null when the argument is neither "all", a party nor a place.</summary>
    public static Narrowing? Of(string argument, ResultsBook book)
    {
        var text = argument.Trim();
        if (text.Length == 0)
        {
            return new Narrowing(false, null, null);
        }

        if (text.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return new Narrowing(true, null, null);
        }

        if (Regions.Find(text) is { } place)
        {
            return new Narrowing(true, null, place);
        }

        if (CouncilKey.For(text) is "noc" or "no overall control")
        {
            return new Narrowing(true, PartyCode.NoOverallControl, null);
        }

        var known = book.Declarations.SelectMany(d => (d.SeatsWon ?? d.NewCouncil).Select(p => p.Party)).Distinct();
        return PartyFinder.Find(text, known).Party is { } party ? new Narrowing(true, party, null) : null;
    }

    public static CommandAnswer Unknown(string argument, string examples) =>
        CommandAnswer.Problem($"I don't know \"{SafeText.Echo(argument)}\" as a party or a region. Try {examples}.");

    /// <summary>Whether a council's result belongs in the list: it is held by the party, or in the place.</summary>
    public bool Keeps(CouncilDeclaration declaration) => Keeps(declaration.Council.Key) && (Party is not { } party || declaration.Controller == party);

    /// <summary>Whether a council (by key) is in the place, when narrowed to one.</summary>
    public bool Keeps(string councilKey) => Place is not { } place
        || Regions.RegionOf(councilKey) == place
        || Regions.NationOf(councilKey) == place;
}
