using System.Globalization;
using System.Xml.Linq;
using ResultsBot.Domain.Messages;
using ResultsBot.Feeds.Pa;

namespace ResultsBot.Feeds.Ours;

/// <summary>
/// Our own small message for a local referendum's result, since PA's referendum format is not available to us:
/// <code>
/// &lt;Referendum revision="1" area="Bradford" question="Do you want ..." electorate="350000" rejected="120" declarationTime="2024-05-03T02:10:00+01:00"&gt;
///   &lt;Answer name="Yes" votes="61234"/&gt; &lt;Answer name="No" votes="52001"/&gt;
/// &lt;/Referendum&gt;
/// </code>
/// electorate, rejected and declarationTime are optional. A higher revision replaces a lower one and is posted as a correction.
/// </summary>
public static class ReferendumFormat
{
    public const string RootName = "Referendum";

    private const int MaxVotes = 50_000_000;

    public static Referendum Read(XElement root)
    {
        var answers = new List<ReferendumAnswer>();
        foreach (var answer in root.Elements("Answer"))
        {
            var name = Attributes.RequiredText(answer, "name");
            if (answers.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FeedFormatException($"the answer '{name}' appears twice");
            }

            answers.Add(new ReferendumAnswer(name, Attributes.Count(answer, "votes", MaxVotes)));
        }

        if (answers.Count < 2)
        {
            throw new FeedFormatException("a referendum needs at least two <Answer> elements");
        }

        // Each answer is in range, but their total is what posts add up and must fit as well.
        if (answers.Sum(a => (long)a.Votes) > MaxVotes)
        {
            throw new FeedFormatException($"the answers' votes add up to more than {MaxVotes:N0}, which no area has");
        }

        return new Referendum(
            Attributes.Revision(root),
            Attributes.RequiredText(root, "area"),
            Attributes.RequiredText(root, "question"),
            answers,
            Optional(root, "electorate"),
            Optional(root, "rejected"),
            Attributes.Time(root, "declarationTime"));
    }

    private static int? Optional(XElement root, string name) =>
        root.Attribute(name) is null ? null : Attributes.Count(root, name, MaxVotes);
}
