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

    public CommandAnswer Answer(string query, ResultsBook book)
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

        var match = CouncilFinder.Find(query, book.KnownCouncils);
        if (match.Key is not null)
        {
            return About(match.Key, book);
        }

        // A typo close to one council only: answer it (its name leads the answer, so a wrong guess shows).
        if (!match.Ambiguous && match.Candidates.Count == 1)
        {
            return About(match.Candidates[0], book);
        }

        var names = match.Candidates.Select(k => book.KnownCouncils[k]).ToList();
        var asked = SafeText.Echo(query);
        return CommandAnswer.Problem((match.Ambiguous, names.Count) switch
        {
            (true, _) => $"Which one? {Lists.Or(names)}",
            (_, 0) => $"No council called \"{asked}\" in tonight's results.",
            _ => $"No council called \"{asked}\" in tonight's results. Did you mean {Lists.Or(names)}?",
        });
    }

    private CommandAnswer ByPaId(string paId, ResultsBook book)
    {
        var key = book.KnownCouncils.Keys.FirstOrDefault(k =>
            (book.DeclarationFor(k)?.Council ?? book.NominationsFor(k)?.Council)?.PaId == paId);
        return key is null
            ? CommandAnswer.Problem($"No council with PA id {paId} in tonight's results.")
            : About(key, book);
    }

    private CommandAnswer ByGssCode(string code, ResultsBook book)
    {
        var name = GssCodes.ByName.FirstOrDefault(c => c.Value == code).Key;
        if (name is null)
        {
            return CommandAnswer.Problem($"I don't know the GSS code {code}.");
        }

        var match = CouncilFinder.Find(name, book.KnownCouncils);
        return match.Key is null
            ? CommandAnswer.Problem($"{code} is {name}, which is not in tonight's results.")
            : About(match.Key, book);
    }

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
