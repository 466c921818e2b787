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

    public CommandEngine(CultureInfo culture)
        : this(culture, TimeProvider.System)
    {
    }

    public static string Help =>
        """
        Commands:
          /council NAME       a council's result, or what is up if it has not declared (NAME, PA id or GSS code)
          /mayor NAME         a mayoralty's result, its call, or who is standing
          /pcc AREA           a police and crime commissioner's result, its call, or who is standing
          /seat NAME          a Scottish or Welsh parliament seat's result (constituency or list)
          /scoreboard         councils and councillors by party, with changes; the parliaments' seats
          /gains [PARTY]      every change of control so far, newest first (a party, region or "all")
          /party NAME         a party's night: councils held, gained and lost, councillors
          /declared [PARTY]   councils declared so far, the latest first, with the call (a party, region or "all")
          /awaiting [REGION]  councils still to declare, by nation and region
          /ward NAME          a ward's or by-election's result (NAME, or NAME and council)
          /map                the night as a map of council control
          /chamber COUNCIL    a declared council's new chamber as a picture
          /chart              councillors' net change by party as a chart
          /referendum AREA    a referendum's result; with no area, every referendum so far
          /share              the projected national share, with its source and time
          /share set ...      enter the projected national share (admins only)
          /subscribe FILTERS  post results in this channel, e.g. region London; party Green; changes (admins only)
          /subscriptions      this channel's subscription and whether it is paused
          /unsubscribe        stop posting results in this channel (admins only)
          /help               this list
        """;

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
        return name switch
        {
            "council" => WithOtherContests(_council.Answer(argument, book), argument, book),
            "mayor" or "pcc" or "seat" => _contests.Answer(name, argument, book),
            "share" or "pns" => _share.Answer(argument, book, caller, time.GetUtcNow()),
            "scoreboard" or "scores" => Scoreboards(argument, book),
            "gains" => GainsCommand.Answer(argument, book, culture),
            "party" => PartyCommand.Answer(argument, book, culture),
            "declared" => DeclaredCommand.Answer(argument, book, culture),
            "awaiting" => AwaitingCommand.Answer(argument, book, culture),
            "ward" or "byelection" => _ward.Answer(argument, book),
            "referendum" => _referendum.Answer(argument, book),
            "map" => PictureCommands.Map(book, culture),
            "chart" => PictureCommands.Chart(book, culture),
            "chamber" => PictureCommands.Chamber(CouncilCommand.Find(argument, book), () => _council.Answer(argument, book), book),
            "help" or "start" => new CommandAnswer(Help),
            _ when !text.StartsWith('/') && PlainQuestions.CommandFor(text) is { } command => Answer(command, book, caller),
            _ => Unknown(name),
        };
    }

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
