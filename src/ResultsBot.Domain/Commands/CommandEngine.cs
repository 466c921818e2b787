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

    public CommandEngine(CultureInfo culture)
        : this(culture, TimeProvider.System)
    {
    }

    public static string Help =>
        """
        Commands:
          /council NAME       a council's result, or what is up if it has not declared (NAME, PA id or GSS code)
          /scoreboard         councils and councillors by party, with changes
          /gains              every change of control so far, newest first
          /party NAME         a party's night: councils held, gained and lost, councillors
          /declared           councils declared so far, in order, with the call
          /awaiting           councils still to declare
          /ward NAME          a ward's or by-election's result (NAME, or NAME and council)
          /referendum AREA    a referendum's result; with no area, every referendum so far
          /share              the projected national share, with its source and time
          /share set ...      enter the projected national share (admins only)
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
            "council" => _council.Answer(argument, book),
            "share" or "pns" => _share.Answer(argument, book, caller, time.GetUtcNow()),
            "scoreboard" or "scores" => new CommandAnswer(ScoreboardText.Format(Scoreboard.From(book), culture)),
            "gains" => GainsCommand.Answer(book, culture),
            "party" => PartyCommand.Answer(argument, book, culture),
            "declared" => DeclaredCommand.Answer(book, culture),
            "awaiting" => AwaitingCommand.Answer(book, culture),
            "ward" or "byelection" => _ward.Answer(argument, book),
            "referendum" => _referendum.Answer(argument, book),
            "help" or "start" => new CommandAnswer(Help),
            _ => Unknown(name),
        };
    }

    /// <summary>Suggestions for part of a name: <paramref name="kind"/> is "council" or "party" (the option being typed).</summary>
    public static IReadOnlyList<string> Complete(string kind, string partial, ResultsBook book) => kind switch
    {
        "council" => Completion.Councils(partial, book),
        "party" => Completion.Parties(partial, book),
        _ => [],
    };

    private static CommandAnswer Unknown(string name) => SafeText.Echo(name) switch
    {
        "" => CommandAnswer.Problem("I don't know that command. /help lists the ones I do."),
        var safe => CommandAnswer.Problem($"I don't know the command \"/{safe}\". /help lists the ones I do."),
    };
}
