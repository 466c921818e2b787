using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// /declared [PARTY | REGION | all]: how many councils have declared and who holds them, then the latest
/// ten, newest first, with the call (every one with "all"). A party or a region narrows the list.
/// </summary>
internal static class DeclaredCommand
{
    public const int Latest = 10;

    public static CommandAnswer Answer(string argument, ResultsBook book, CultureInfo culture)
    {
        var expected = book.ExpectedCount;
        if (book.DeclaredCount == 0)
        {
            return new CommandAnswer(expected is { } count
                ? $"No council has declared yet; {Numbers.Count(count, culture)} are expected."
                : "No council has declared yet.");
        }

        if (Narrowing.Of(argument, book) is not { } narrowing)
        {
            return Narrowing.Unknown(argument, "/declared Labour, /declared London or /declared all");
        }

        var declared = book.Declarations.Where(d => narrowing.Keeps(d)).ToList();
        var total = Progress.Councils(book.DeclaredCount, expected, culture);
        var lines = new List<string> { $"{total}. {Holders(book.Declarations, culture)}." };
        if (narrowing.Words is { } words)
        {
            lines.Add(declared.Count == 0
                ? $"None {words} yet."
                : $"{Councils(declared.Count, culture)} {words}:");
        }

        var shown = narrowing.All ? declared : declared.TakeLast(Latest).ToList();
        if (!narrowing.All && declared.Count > shown.Count)
        {
            lines.Add($"The latest {Numbers.Count(shown.Count, culture)}, newest first (/declared all for every one):");
        }

        var order = narrowing.All ? shown : Enumerable.Reverse(shown);
        lines.AddRange(order.Select(d => $"{Numbers.Count(book.DeclarationNumber(d), culture)}. {Headlines.For(d)}"));
        return new CommandAnswer(string.Join("\n", lines));
    }

    /// <summary>"Labour 20, Conservatives 5, no overall control 9": who holds the councils declared so far.</summary>
    internal static string Holders(IEnumerable<CouncilDeclaration> declarations, CultureInfo culture) =>
        string.Join(", ", declarations.GroupBy(d => d.Controller)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.IsNoOverallControl).ThenBy(g => PartyNames.NameOf(g.Key), StringComparer.Ordinal)
            .Select(g => $"{PartyNames.NameOf(g.Key)} {Numbers.Count(g.Count(), culture)}"));

    private static string Councils(int count, CultureInfo culture) => count == 1 ? "1 council" : $"{Numbers.Count(count, culture)} councils";
}
