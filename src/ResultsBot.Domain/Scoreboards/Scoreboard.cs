using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Scoreboards;

/// <summary>
/// The running totals, summed over the declarations in the book: councils controlled (with gains and
/// losses of control) and councillors elected tonight with their net change on the BBC/PA basis
/// (against when the same seats were last fought), summed only over the councils that give it.
/// </summary>
public sealed record Scoreboard(int Declared, int? Expected, IReadOnlyList<PartyStanding> Parties, PartyStanding NoOverallControl, ChangeCoverage Coverage)
{
    /// <summary>PA's own running totals, when the feed carries a state of the parties: shown beside ours, never mixed in.</summary>
    public StateOfParties? PaState { get; init; }

    public static Scoreboard From(ResultsBook book) => From(book, null);

    /// <summary>The night's totals for one region or nation ("Wales"): its councils only, out of those it is expected to declare.</summary>
    /// <param name="place">An English region or a nation, as <see cref="Councils.Regions"/> names them; null for the whole night.</param>
    public static Scoreboard From(ResultsBook book, string? place)
    {
        bool Within(string councilKey) => place is null || Councils.Regions.RegionOf(councilKey) == place || Councils.Regions.NationOf(councilKey) == place;
        var declarations = book.Declarations.Where(d => Within(d.Council.Key)).ToList();
        var expected = place is null || book.ExpectedCount is null
            ? book.ExpectedCount
            : book.KnownCouncils.Keys.Count(Within);
        return Sum(declarations, expected) with { PaState = place is null ? book.LatestState : null, Place = place };
    }

    /// <summary>The region or nation the board covers; null for the whole night.</summary>
    public string? Place { get; init; }

    private static Scoreboard Sum(List<CouncilDeclaration> declarations, int? expected)
    {
        var councils = new Dictionary<PartyCode, int>();
        var councilsChange = new Dictionary<PartyCode, int>();
        var councillors = new Dictionary<PartyCode, int>();
        var councillorsChange = new Dictionary<PartyCode, int>();
        int withChanges = 0, partial = 0, withoutSeatsWon = 0;
        var notional = false;

        foreach (var d in declarations)
        {
            var controller = d.Controller;
            Add(councils, controller, 1);
            if (controller != d.Sitting)
            {
                Add(councilsChange, controller, 1);
                Add(councilsChange, d.Sitting, -1);
            }

            if (d.SeatsWon is { } won)
            {
                foreach (var seats in won)
                {
                    Add(councillors, seats.Party, seats.Seats);
                }
            }
            else
            {
                withoutSeatsWon++;
            }

            if (d.Changes is { } changes)
            {
                withChanges++;
                partial += d.ChangesPartial ? 1 : 0;
                notional |= d.BoundaryChange || d.ChangeBasis == ChangeBasis.Notional;
                foreach (var change in changes)
                {
                    Add(councillorsChange, change.Party, change.Change);
                }
            }
        }

        // The parties people look for are always on the board, even at nothing, so a zero is seen to be a zero.
        var parties = PartyNames.Headline
            .Concat(councils.Keys).Concat(councilsChange.Keys).Concat(councillors.Keys).Concat(councillorsChange.Keys)
            .Where(p => !p.IsNoOverallControl)
            .Distinct()
            .Select(p => Standing(p, councils, councilsChange, councillors, withChanges > 0 ? councillorsChange : null))
            .OrderByDescending(s => s.Councils)
            .ThenByDescending(s => s.Councillors)
            .ThenBy(s => PartyNames.NameOf(s.Party), StringComparer.Ordinal)
            .ToList();
        var noc = Standing(PartyCode.NoOverallControl, councils, councilsChange, councillors, null);
        var coverage = new ChangeCoverage(withChanges, partial, withoutSeatsWon, notional);
        return new Scoreboard(declarations.Count, expected, parties, noc, coverage);
    }

    public PartyStanding StandingOf(PartyCode party) =>
        Parties.FirstOrDefault(p => p.Party == party) ?? new PartyStanding(party, 0, 0, 0, Coverage.CouncilsWithChanges > 0 ? 0 : null);

    private static PartyStanding Standing(
        PartyCode party,
        Dictionary<PartyCode, int> councils,
        Dictionary<PartyCode, int> councilsChange,
        Dictionary<PartyCode, int> councillors,
        Dictionary<PartyCode, int>? councillorsChange) =>
        new(party, councils.GetValueOrDefault(party), councilsChange.GetValueOrDefault(party), councillors.GetValueOrDefault(party), councillorsChange?.GetValueOrDefault(party));

    private static void Add(Dictionary<PartyCode, int> totals, PartyCode party, int amount) =>
        totals[party] = totals.GetValueOrDefault(party) + amount;
}
