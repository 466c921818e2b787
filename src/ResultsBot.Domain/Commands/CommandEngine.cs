using System.Collections.Frozen;
using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Scoreboards;

namespace ResultsBot.Domain.Commands;

/// <summary>One engine for every platform: the same question gets the same answer on console, Discord and Slack.</summary>
/// <param name="time">For stamping what commands enter (/share set); the clock is injected, never read directly.</param>
public sealed class CommandEngine(CultureInfo culture, TimeProvider time)
{
    private readonly CouncilCommand _council = new(culture);
    private readonly ShareCommand _share = new(culture);
    private readonly WardCommand _ward = new(culture);
    private readonly ReferendumCommand _referendum = new(culture);
    private readonly ContestCommand _contests = new(culture);

    /// <summary>A route for each catalogue command the engine answers, by the catalogue's name (checked against it when first used).</summary>
    private static readonly Dictionary<string, Route> RouteTable = BuildRoutes();

    public CommandEngine(CultureInfo culture)
        : this(culture, TimeProvider.System)
    {
    }

    /// <summary>How one command is answered by an engine: its argument (the text after its name), the book, who asked.</summary>
    private delegate CommandAnswer Route(CommandEngine engine, string argument, ResultsBook book, Caller caller);

    /// <summary>/help's answer, from <see cref="CommandCatalogue"/>.</summary>
    public static string Help => CommandCatalogue.HelpText;

    /// <summary>The commands this engine answers: every catalogue command not about the channel (see <see cref="CommandSpec.AboutTheChannel"/>).</summary>
    public static IReadOnlyCollection<string> Routes => RouteTable.Keys;

    public CommandAnswer Answer(string input, ResultsBook book) => Answer(input, book, Caller.Anonymous);

    public CommandAnswer Answer(string input, ResultsBook book, Caller caller)
    {
        // Bidi marks, zero-width and control characters go before anything reads the input.
        var text = SafeText.Clean(input);
        if (text.Length == 0)
        {
            return CommandAnswer.Problem("Type a command, e.g. /council Birmingham. /help lists them all.");
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var name = (space < 0 ? text : text[..space]).TrimStart('/').ToLowerInvariant();
        var argument = space < 0 ? "" : text[(space + 1)..].Trim();
        if (CommandCatalogue.Find(name) is { } spec && RouteTable.TryGetValue(spec.Name, out var route))
        {
            return DependsOnlyOnTheBook.Contains(spec.Name)
                ? _answers.GetOrAdd(book, spec.Name + " " + argument, () => route(this, argument, book, caller))
                : route(this, argument, book, caller);
        }

        return !text.StartsWith('/') && PlainQuestions.CommandFor(text) is { } command ? Answer(command, book, caller) : Unknown(name);
    }

    /// <summary>
    /// The routes, checked against the catalogue as they are built: a command added to one and not the other stops the
    /// bot at its first command (and every test) instead of answering "I don't know that command" on the night.
    /// </summary>
    private static Dictionary<string, Route> BuildRoutes()
    {
        var routes = new Dictionary<string, Route>(StringComparer.Ordinal)
        {
            ["council"] = (e, argument, book, _) => WithOtherContests(e._council.Answer(argument, book), argument, book),
            ["mayor"] = (e, argument, book, _) => e._contests.Answer("mayor", argument, book),
            ["pcc"] = (e, argument, book, _) => e._contests.Answer("pcc", argument, book),
            ["seat"] = (e, argument, book, _) => e._contests.Answer("seat", argument, book),
            ["share"] = (e, argument, book, caller) => e._share.Answer(argument, book, caller, e.Now),
            ["scoreboard"] = (e, argument, book, _) => e.Scoreboards(argument, book),
            ["gains"] = (e, argument, book, _) => GainsCommand.Answer(argument, book, e.Culture),
            ["party"] = (e, argument, book, _) => PartyCommand.Answer(argument, book, e.Culture),
            ["declared"] = (e, argument, book, _) => DeclaredCommand.Answer(argument, book, e.Culture),
            ["awaiting"] = (e, argument, book, _) => AwaitingCommand.Answer(argument, book, e.Culture),
            ["ward"] = (e, argument, book, _) => e._ward.Answer(argument, book),
            ["referendum"] = (e, argument, book, _) => e._referendum.Answer(argument, book),
            ["map"] = (e, _, book, _) => PictureCommands.Map(book, e.Culture),
            ["chart"] = (e, _, book, _) => PictureCommands.Chart(book, e.Culture),
            ["chamber"] = (e, argument, book, _) => PictureCommands.Chamber(CouncilCommand.Find(argument, book), () => e._council.Answer(argument, book), book),
            ["help"] = (_, _, _, _) => new CommandAnswer(Help),
        };

        var expected = CommandCatalogue.All.Where(c => !c.AboutTheChannel).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (!expected.SetEquals(routes.Keys))
        {
            throw new InvalidOperationException(
                $"The command engine and CommandCatalogue disagree: no route for [{string.Join(", ", expected.Except(routes.Keys))}], a route for no catalogue command [{string.Join(", ", routes.Keys.Except(expected))}]");
        }

        return routes;
    }

    private CultureInfo Culture => culture;

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// Commands whose answer is made from the book and the words asked alone, so it can be given again until the book
    /// changes. /share is not (who asks, and when, change its answer); commands about the channel never come here.
    /// </summary>
    private static readonly FrozenSet<string> DependsOnlyOnTheBook = FrozenSet.Create(
        StringComparer.Ordinal, "council", "mayor", "pcc", "seat", "scoreboard", "gains", "party", "declared", "awaiting", "ward", "referendum", "help");

    // Up to 1,024 different questions per state of the book: enough for every council, party and contest asked
    // several ways, and a bound on what a stream of made-up names can hold.
    private readonly AnswerMemo _answers = new(capacity: 1024);

    /// <summary>Suggestions for part of a name: <paramref name="kind"/> is "council", "party", "mayor", "pcc" or "seat" (the option being typed).</summary>
    public static IReadOnlyList<string> Complete(string kind, string partial, ResultsBook book) => kind switch
    {
        "council" => Completion.Councils(partial, book),
        "party" => Completion.Parties(partial, book),
        "mayor" or "pcc" or "seat" => Completion.Names(partial, ContestCommand.NamesFor(kind, book)),
        _ => [],
    };

    /// <summary>A name that is (also) a mayoralty or seat says so, so /council Hackney points to /mayor Hackney.</summary>
    private static CommandAnswer WithOtherContests(CommandAnswer answer, string query, ResultsBook book) =>
        ContestCommand.OtherContestsCalled(query, book) is not { } other ? answer
        : answer.Ok ? answer with { Text = $"{answer.Text}\n{SafeText.Echo(query)} is also {other} tonight." }
        : CommandAnswer.Problem($"There is no council called \"{SafeText.Echo(query)}\" tonight; {SafeText.Echo(query)} is {other}.");

    /// <summary>
    /// Councils (with a line a nation when the night spans more than one), then the parliaments when PA sends their
    /// state of the parties (only the parliaments if no council has declared). A region or nation gives its own board.
    /// </summary>
    private CommandAnswer Scoreboards(string argument, ResultsBook book)
    {
        if (argument.Length > 0)
        {
            return Councils.Regions.Find(argument) is { } place
                ? new CommandAnswer(ScoreboardText.Format(Scoreboard.From(book, place), culture))
                : CommandAnswer.Problem($"I don't know the region or nation \"{SafeText.Echo(argument)}\". Try /scoreboard Wales or /scoreboard North West.");
        }

        var parliaments = ParliamentScoreboardText.Format(book, culture);
        var contests = ContestsScoreboardText.Format(book, culture).ToList();

        // A night with no council elections (mayors and commissioners only) has no council board to show.
        var noCouncils = book.DeclaredCount == 0 && (book.ExpectedCount is null || parliaments.Count > 0) && (contests.Count > 0 || parliaments.Count > 0);
        var councils = noCouncils ? [] : new List<string> { ScoreboardText.Format(Scoreboard.From(book), culture) }.Concat(ScoreboardText.ByNation(book, culture)).ToList();
        var parts = new[] { councils, contests, [.. parliaments] }.Where(p => p.Count > 0).Select(p => string.Join("\n", p));
        return new CommandAnswer(string.Join("\n\n", parts));
    }

    private static CommandAnswer Unknown(string name) => SafeText.Echo(name) switch
    {
        "" => CommandAnswer.Problem("I don't know that command. /help lists the ones I do."),
        var safe => CommandAnswer.Problem($"I don't know the command \"/{safe}\". /help lists the ones I do; questions such as \"who won Birmingham\" or \"how are Labour doing\" work too."),
    };
}
