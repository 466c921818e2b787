using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Scoreboards;

/// <summary>
/// The running totals, summed over the declarations in the book: councils controlled (with gains and
/// losses of control) and councillors elected (with the feed's seat changes).
/// </summary>
public sealed record Scoreboard(int Declared, int? Expected, IReadOnlyList<PartyStanding> Parties, PartyStanding NoOverallControl, IReadOnlySet<ChangeBasis> ChangeBases)
{
    /// <summary>PA's own running totals, when the feed carries a state of the parties: shown beside ours, never mixed in.</summary>
    public StateOfParties? PaState { get; init; }

    public static Scoreboard From(ResultsBook book)
    {
        var councils = new Dictionary<PartyCode, int>();
        var councilsChange = new Dictionary<PartyCode, int>();
        var councillors = new Dictionary<PartyCode, int>();
        var councillorsChange = new Dictionary<PartyCode, int>();
        var bases = new HashSet<ChangeBasis>();

        foreach (var d in book.Declarations)
        {
            Add(councils, d.Winner, 1);
            if (d.Winner != d.Sitting)
            {
                Add(councilsChange, d.Winner, 1);
                Add(councilsChange, d.Sitting, -1);
            }

            foreach (var won in d.SeatsWon)
            {
                Add(councillors, won.Party, won.Seats);
            }

            foreach (var change in d.Changes ?? [])
            {
                Add(councillorsChange, change.Party, change.Change);
            }

            if (d.Changes is { Count: > 0 })
            {
                bases.Add(d.BoundaryChange && d.ChangeBasis == ChangeBasis.SeatsLastFought ? ChangeBasis.Notional : d.ChangeBasis);
            }
        }

        var parties = councils.Keys.Concat(councilsChange.Keys).Concat(councillors.Keys).Concat(councillorsChange.Keys)
            .Where(p => !p.IsNoOverallControl)
            .Distinct()
            .Select(p => Standing(p, councils, councilsChange, councillors, councillorsChange))
            .OrderByDescending(s => s.Councils)
            .ThenByDescending(s => s.Councillors)
            .ThenBy(s => PartyNames.NameOf(s.Party), StringComparer.Ordinal)
            .ToList();
        var noc = Standing(PartyCode.NoOverallControl, councils, councilsChange, councillors, councillorsChange);
        return new Scoreboard(book.DeclaredCount, book.ExpectedCount, parties, noc, bases) { PaState = book.LatestState };
    }

    private static PartyStanding Standing(
        PartyCode party,
        Dictionary<PartyCode, int> councils,
        Dictionary<PartyCode, int> councilsChange,
        Dictionary<PartyCode, int> councillors,
        Dictionary<PartyCode, int> councillorsChange) =>
        new(party, councils.GetValueOrDefault(party), councilsChange.GetValueOrDefault(party), councillors.GetValueOrDefault(party), councillorsChange.GetValueOrDefault(party));

    private static void Add(Dictionary<PartyCode, int> totals, PartyCode party, int amount) =>
        totals[party] = totals.GetValueOrDefault(party) + amount;
}
