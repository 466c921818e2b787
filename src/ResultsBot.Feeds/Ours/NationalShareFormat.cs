using System.Globalization;
using System.Text;
using System.Xml.Linq;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Feeds.Pa;

namespace ResultsBot.Feeds.Ours;

/// <summary>
/// Our own small message for the projected national share, which PA's local feed does not carry:
/// <code>
/// &lt;NationalShare revision="1" source="BBC projected national share" time="2024-05-03T16:00:00+01:00" previousYear="2023"&gt;
///   &lt;Share party="Lab" percent="34" previous="35"/&gt; &lt;Share party="C" percent="25" previous="26"/&gt; &lt;Share party="LD" percent="17" previous="20"/&gt;
/// &lt;/NationalShare&gt;
/// </code>
/// <c>previous</c> (a party's share last year) and <c>previousYear</c> (which year that was) are optional;
/// with them, posts give each party's change in points. A newsroom drops one into the feed folder; an
/// admin's /share set is stored in the same form, with <c>setBy</c> naming the admin.
/// </summary>
public static class NationalShareFormat
{
    public const string RootName = "NationalShare";

    public static NationalShare Read(XElement root)
    {
        var source = Attributes.RequiredText(root, "source");
        var time = Attributes.Time(root, "time") ?? throw new FeedFormatException("time is missing or not a date and time (e.g. 2024-05-03T16:00:00+01:00)");
        var shares = new List<PartyShare>();
        foreach (var share in root.Elements("Share"))
        {
            var party = new PartyCode(Attributes.RequiredText(share, "party"));
            var percent = Percent(share, party, "percent") ?? throw new FeedFormatException($"<Share party='{party}'> has no percent");
            var previous = Percent(share, party, "previous");

            if (shares.Any(s => s.Party == party))
            {
                throw new FeedFormatException($"{party} appears twice");
            }

            shares.Add(new PartyShare(party, percent, previous));
        }

        if (shares.Count == 0)
        {
            throw new FeedFormatException("no <Share> elements");
        }

        if (shares.Sum(s => s.Percent) > 100.5m)
        {
            throw new FeedFormatException($"the shares add up to {shares.Sum(s => s.Percent)}%, more than 100%");
        }

        if (shares.Any(s => s.Previous is not null) && shares.Sum(s => s.Previous ?? 0) > 100.5m)
        {
            throw new FeedFormatException($"the previous shares add up to {shares.Sum(s => s.Previous ?? 0)}%, more than 100%");
        }

        // Who entered it is named only when the message names someone: a file name is not a person.
        return new NationalShare(Attributes.Revision(root), source, time, Attributes.OptionalText(root, "setBy") ?? "", shares, PreviousYear(root));
    }

    private static decimal? Percent(XElement share, PartyCode party, string name)
    {
        if (Attributes.OptionalText(share, name) is not { } given)
        {
            return null;
        }

        var text = given.TrimEnd('%');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= 100
            ? percent
            : throw new FeedFormatException($"<Share party='{party}'> {name}='{text}' is not a share between 0 and 100");
    }

    private static int? PreviousYear(XElement root)
    {
        if (Attributes.OptionalText(root, "previousYear") is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100
            ? year
            : throw new FeedFormatException($"previousYear='{text}' is not a year");
    }

    public static byte[] Write(NationalShare share)
    {
        var root = new XElement(
            RootName,
            new XAttribute("revision", share.Revision),
            new XAttribute("source", share.Source),
            new XAttribute("time", share.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
            new XAttribute("setBy", share.SetBy),
            share.PreviousYear is { } year ? new XAttribute("previousYear", year) : null,
            share.Shares.Select(s => new XElement(
                "Share",
                new XAttribute("party", s.Party.Value),
                new XAttribute("percent", s.Percent.ToString(CultureInfo.InvariantCulture)),
                s.Previous is { } previous ? new XAttribute("previous", previous.ToString(CultureInfo.InvariantCulture)) : null)));
        return Encoding.UTF8.GetBytes(new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString());
    }
}
