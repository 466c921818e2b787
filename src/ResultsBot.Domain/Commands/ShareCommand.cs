using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// /share: the projected national share with its source and time, or plainly none; never a made-up number.
/// /share set Lab 34 Con 25 LD 17 source "BBC projected national share": admins only.
/// </summary>
internal sealed class ShareCommand(CultureInfo culture)
{
    public const string NotAnAdmin =
        "Only the bot's configured admins can set the projected national share, because it is posted to every subscribed channel on every server and on Slack; managing this channel is not enough.";

    public const string Usage = "/share set Lab 34 Con 25 LD 17 source \"BBC projected national share\"";

    public CommandAnswer Answer(string argument, ResultsBook book, Caller caller, DateTimeOffset now)
    {
        var latest = book.Latest(NationalShare.MessageKey) as NationalShare;
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return latest is null
                ? new CommandAnswer("No projected national share yet. Broadcasters project it from the day's results; it appears here once it is entered.")
                : new CommandAnswer(Describe(latest)) { Picture = new PictureRequest(PictureKind.Share) };
        }

        if (!words[0].Equals("set", StringComparison.OrdinalIgnoreCase))
        {
            return CommandAnswer.Problem($"/share shows the projected national share; admins set it with {Usage}");
        }

        if (!caller.IsAdmin)
        {
            // Managing a channel is not enough: the share is posted to every channel on every server and on Slack.
            return CommandAnswer.Problem(NotAnAdmin);
        }

        return Parse(argument[(argument.IndexOf("set", StringComparison.OrdinalIgnoreCase) + 3)..]) switch
        {
            (null, var problem) => CommandAnswer.Problem(problem + ". For example: " + Usage),
            ({ } parsed, _) => Set(parsed, latest, caller, now),
        };
    }

    private CommandAnswer Set((IReadOnlyList<PartyShare> Shares, string Source) parsed, NationalShare? latest, Caller caller, DateTimeOffset now)
    {
        // A figure already at the highest revision there is cannot be superseded: the next would wrap round
        // to a negative revision, which the book ignores, so saying "set" would be untrue.
        if (latest?.Revision == int.MaxValue)
        {
            return CommandAnswer.Problem("The projected national share already entered is marked as the last one possible, so /share set cannot replace it. It is still: " + NationalShareText.Figures(latest, culture) + ".");
        }

        var share = new NationalShare((latest?.Revision ?? 0) + 1, parsed.Source, now, caller.Id, parsed.Shares);
        return new CommandAnswer($"Projected national share set: {NationalShareText.Figures(share, culture)} ({share.Source}).{Sentence(NationalShareText.Lead(share, culture))}", Publish: share);
    }

    private string Describe(NationalShare share)
    {
        var lines = new List<string> { $"Projected national share: {NationalShareText.Figures(share, culture)}.{Sentence(NationalShareText.Lead(share, culture))}" };
        if (NationalShareText.ChangeBasis(share) is { } basis)
        {
            lines.Add(basis);
        }

        lines.Add(NationalShareText.SourceLine(share, culture));
        return string.Join("\n", lines);
    }

    private static string Sentence(string? text) => text is null ? "" : $" {text}.";

    private static ((IReadOnlyList<PartyShare> Shares, string Source)?, string Problem) Parse(string text)
    {
        var sourceAt = text.IndexOf("source", StringComparison.OrdinalIgnoreCase);
        if (sourceAt < 0)
        {
            return (null, "Say where the figure comes from");
        }

        var source = text[(sourceAt + "source".Length)..].Trim().Trim('"', '\u201C', '\u201D', '\'').Trim();
        if (source.Length is 0 or > 100)
        {
            return (null, "Give a source of up to 100 characters");
        }

        var tokens = text[..sourceAt].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || tokens.Length % 2 != 0 || tokens.Length > 40)
        {
            return (null, "Give each party then its share");
        }

        var shares = new List<PartyShare>();
        for (var i = 0; i < tokens.Length; i += 2)
        {
            var party = new PartyCode(tokens[i]);
            if (!PartyNames.IsKnown(party))
            {
                return (null, $"\"{SafeText.Echo(tokens[i])}\" is not a party I know");
            }

            if (!decimal.TryParse(tokens[i + 1].TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 100)
            {
                return (null, $"\"{SafeText.Echo(tokens[i + 1])}\" is not a share between 0 and 100");
            }

            if (shares.Any(s => s.Party == party))
            {
                return (null, $"{PartyNames.NameOf(party)} is given twice");
            }

            shares.Add(new PartyShare(party, percent));
        }

        return shares.Sum(s => s.Percent) > 100
            ? (null, "The shares add up to more than 100%")
            : ((shares, source), "");
    }
}
