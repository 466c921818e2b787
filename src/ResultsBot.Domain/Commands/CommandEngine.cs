using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Scoreboards;

namespace ResultsBot.Domain.Commands;

/// <summary>One engine for every platform: the same question gets the same answer on console, Discord and Slack.</summary>
/// <param name="time">For stamping what commands enter (/share set); the clock is injected, never read directly.</param>
public sealed class CommandEngine(CultureInfo culture, TimeProvider time)
{
    private readonly DeclarationPostComposer _composer = new(culture);
    private readonly ShareCommand _share = new(culture);

    public CommandEngine(CultureInfo culture)
        : this(culture, TimeProvider.System)
    {
    }

    public static string Help =>
        """
        Commands:
          /council NAME   the latest result for a council, e.g. /council Birmingham
          /scoreboard     councils and councillors by party, with changes
          /share          the projected national share, with its source and time
          /share set Lab 34 Con 25 LD 17 source "..."   (admins only) enter the projected national share
          /help           this list
        """;

    public CommandAnswer Answer(string input, ResultsBook book) => Answer(input, book, Caller.Anonymous);

    public CommandAnswer Answer(string input, ResultsBook book, Caller caller)
    {
        var text = input.Trim();
        if (text.Length == 0)
        {
            return CommandAnswer.Problem("Type a command, e.g. /council Birmingham. /help lists them all.");
        }

        var space = text.IndexOfAny([' ', '\t']);
        var name = (space < 0 ? text : text[..space]).TrimStart('/').ToLowerInvariant();
        var argument = space < 0 ? "" : text[(space + 1)..].Trim();
        return name switch
        {
            "council" => Council(argument, book),
            "share" or "pns" => _share.Answer(argument, book, caller, time.GetUtcNow()),
            "scoreboard" or "scores" => new CommandAnswer(ScoreboardText.Format(Scoreboard.From(book), culture)),
            "help" or "start" => new CommandAnswer(Help),
            _ => CommandAnswer.Problem($"I don't know the command \"{Truncate(text.Split(' ')[0])}\". /help lists the ones I do."),
        };
    }

    private CommandAnswer Council(string query, ResultsBook book)
    {
        if (query.Length == 0)
        {
            return CommandAnswer.Problem("Which council? For example: /council Birmingham");
        }

        var match = CouncilFinder.Find(query, book.KnownCouncils);
        if (match.Key is null)
        {
            var names = match.Candidates.Select(k => book.KnownCouncils[k]).ToList();
            return CommandAnswer.Problem(names.Count == 0
                ? $"No council called \"{Truncate(query)}\" in this feed."
                : $"No council called \"{Truncate(query)}\" in this feed. Did you mean {Alternatives(names)}?");
        }

        var declaration = book.DeclarationFor(match.Key);
        if (declaration is null)
        {
            return new CommandAnswer($"{book.KnownCouncils[match.Key]} has not declared yet.");
        }

        var revised = declaration.Revision > 1 ? $" (revision {declaration.Revision})" : "";
        var lines = new List<string> { Headlines.For(declaration) + revised };
        lines.AddRange(_composer.Body(declaration));
        return new CommandAnswer(string.Join("\n", lines));
    }

    private static string Alternatives(List<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";

    // Echoing a 200 KB argument back would flood the channel.
    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
