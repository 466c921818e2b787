using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// /council NAME: the latest result, or, before the count, what is up and who holds the council.
/// NAME may also be the council's PA id ("4735") or its GSS code ("E08000001").
/// </summary>
internal sealed class CouncilCommand(CultureInfo culture)
{
    private readonly DeclarationPostComposer _composer = new(culture);

    public CommandAnswer Answer(string query, ResultsBook book) =>
        Find(query, book) is { Key: { } key } ? About(key, book) : Find(query, book).Problem!;

    /// <summary>The council a query names tonight, by the key its results are filed under, or why there is none.</summary>
    public static CouncilLookup Find(string query, ResultsBook book)
    {
        if (query.Length == 0)
        {
            return CommandAnswer.Problem("Which council? For example: /council Birmingham");
        }

        if (query.All(char.IsAsciiDigit) && query.Length <= 9)
        {
            return ByPaId(query, book);
        }

        if (IsGssCode(query))
        {
            return ByGssCode(query.ToUpperInvariant(), book);
        }

        var key = CouncilKey.For(query);
        if (book.KnownCouncils.ContainsKey(key))
        {
            return Found(key);
        }

        // A name several of tonight's councils fit ("Newcastle") asks which one before the register picks one.
        var match = CouncilFinder.Find(query, book.KnownCouncils);
        if (match.Ambiguous)
        {
            return CommandAnswer.Problem($"Which one? {Lists.Or([.. match.Candidates.Select(k => book.KnownCouncils[k])])}");
        }

        // A real council, named exactly by any of its names: its own result or a plain word on why there is none,
        // never a council with a similar name ("Brent" is not Brentwood).
        if (CouncilTable.Find(query) is { } council)
        {
            return Placed(council, book);
        }

        if (match.Key is not null)
        {
            return Found(match.Key);
        }

        var names = match.Candidates.Select(k => book.KnownCouncils[k]).ToList();
        var asked = SafeText.Echo(query);
        return CommandAnswer.Problem((match.Ambiguous, names.Count) switch
        {
            (true, _) => $"Which one? {Lists.Or(names)}",
            (_, 0) => $"No result for \"{asked}\" tonight.",
            _ => $"No result for \"{asked}\". Did you mean {Lists.Or(names)}?",
        });
    }

    /// <summary>A council from the register: its result tonight if the night has it, else why not.</summary>
    private static CouncilLookup Placed(ReferenceCouncil council, ResultsBook book)
    {
        if (BookKeyOf(council, book) is { } key)
        {
            return Found(key);
        }

        if (council.IsAbolished)
        {
            var successors = CouncilTable.SuccessorsOf(council);
            var year = council.End!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return CommandAnswer.Problem(successors.Count == 0
                ? $"{council.Name} was abolished in {year}."
                : $"{council.Name} was abolished in {year}; its area is now {Lists.And(successors)}.");
        }

        if (council.IsCombinedAuthority)
        {
            return CommandAnswer.Problem($"{council.Name} is a combined authority, not a council: try /mayor {council.Name}.");
        }

        // Only when the night's councils are all named can the bot say a council is not among them.
        return CommandAnswer.Problem(book.ExpectedCount is not null
            ? $"{council.Name} has no election on this night."
            : $"No result for {council.Name} so far.");
    }

    /// <summary>The key the night files a register council under, whichever of its names the feed used ("Hull", "Barking & Dagenham").</summary>
    internal static string? BookKeyOf(ReferenceCouncil council, ResultsBook book)
    {
        if (book.KnownCouncils.ContainsKey(council.Key))
        {
            return council.Key;
        }

        return book.KnownCouncils.FirstOrDefault(k => CouncilTable.Find(k.Value) == council).Key;
    }

    private static CouncilLookup ByPaId(string paId, ResultsBook book)
    {
        var key = book.KnownCouncils.Keys.FirstOrDefault(k =>
            (book.DeclarationFor(k)?.Council ?? book.NominationsFor(k)?.Council)?.PaId == paId);
        return key is null
            ? CommandAnswer.Problem($"No council with PA id {paId} in tonight's results.")
            : Found(key);
    }

    private static CouncilLookup ByGssCode(string code, ResultsBook book) =>
        CouncilTable.ByGss(code) is { } council
            ? Placed(council, book)
            : CommandAnswer.Problem($"I don't know the GSS code {code}.");

    private static CouncilLookup Found(string key) => new(key, null);

    private CommandAnswer About(string key, ResultsBook book)
    {
        var declaration = book.DeclarationFor(key);
        if (declaration is null)
        {
            return new CommandAnswer(string.Join(" ", NotDeclared(book.KnownCouncils[key], book.NominationsFor(key))));
        }

        declaration = DeclarationPostComposer.WithCouncilBefore(declaration, book);
        var revised = declaration.Revision > 1 ? " (corrected result)" : "";
        var lines = new List<string> { Headlines.For(declaration) + revised };
        lines.AddRange(_composer.Body(declaration));
        return new CommandAnswer(string.Join("\n", lines));
    }

    /// <summary>"Harlow has not declared yet. 11 of 33 seats are up. Before the poll: Conservatives 17, Labour 15, Reform UK 1 (Conservative control)."</summary>
    private IEnumerable<string> NotDeclared(string name, CouncilNominations? nominations)
    {
        yield return $"{name} has not declared yet.";
        if (nominations is null)
        {
            yield break;
        }

        var held = nominations.Parties.Sum(p => p.SeatsHeld);
        var offered = nominations.Parties.Sum(p => p.SeatsOffered);
        var verb = offered == 1 ? "is" : "are";
        if (offered > 0)
        {
            yield return held == offered && held > 1
                ? $"All {Numbers.Count(held, culture)} seats are up."
                : held > offered
                    ? $"{Numbers.Count(offered, culture)} of {Numbers.Count(held, culture)} seats {verb} up."
                    : $"{Numbers.Count(offered, culture)} {(offered == 1 ? "seat" : "seats")} {verb} up.";
        }

        var holders = nominations.Parties
            .Where(p => p.SeatsHeld > 0)
            .GroupBy(p => p.Party)
            .Select(g => (Party: g.Key, Seats: g.Sum(p => p.SeatsHeld)))
            .OrderByDescending(p => p.Seats)
            .ThenBy(p => PartyNames.NameOf(p.Party), StringComparer.Ordinal)
            .ToList();
        if (holders.Count > 0)
        {
            var control = holders[0].Seats * 2 > held ? $"{PartyNames.AdjectiveOf(holders[0].Party)} control" : "no overall control";
            yield return $"Before the poll: {string.Join(", ", holders.Select(p => $"{PartyNames.NameOf(p.Party)} {Numbers.Count(p.Seats, culture)}"))} ({control}).";
        }
    }

    private static bool IsGssCode(string text) =>
        text.Length == 9 && "ENSWensw".Contains(text[0], StringComparison.Ordinal) && text.Skip(1).All(char.IsAsciiDigit);
}
