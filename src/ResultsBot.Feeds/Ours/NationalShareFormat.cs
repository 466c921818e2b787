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
/// &lt;NationalShare revision="1" source="BBC projected national share" time="2024-05-03T16:00:00+01:00"&gt;
///   &lt;Share party="Lab" percent="34"/&gt; &lt;Share party="C" percent="25"/&gt; &lt;Share party="LD" percent="17"/&gt;
/// &lt;/NationalShare&gt;
/// </code>
/// A newsroom drops one into the feed folder; an admin's /share set is stored in the same form.
/// </summary>
public static class NationalShareFormat
{
    public const string RootName = "NationalShare";

    public static NationalShare Read(XElement root, string origin)
    {
        var source = Attributes.RequiredText(root, "source");
        var time = Attributes.Time(root, "time") ?? throw new FeedFormatException("time is missing or not a date and time (e.g. 2024-05-03T16:00:00+01:00)");
        var shares = new List<PartyShare>();
        foreach (var share in root.Elements("Share"))
        {
            var party = new PartyCode(Attributes.RequiredText(share, "party"));
            var text = Attributes.RequiredText(share, "percent").TrimEnd('%');
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent > 100)
            {
                throw new FeedFormatException($"<Share party='{party}'> percent='{text}' is not a share between 0 and 100");
            }

            if (shares.Any(s => s.Party == party))
            {
                throw new FeedFormatException($"{party} appears twice");
            }

            shares.Add(new PartyShare(party, percent));
        }

        if (shares.Count == 0)
        {
            throw new FeedFormatException("no <Share> elements");
        }

        if (shares.Sum(s => s.Percent) > 100.5m)
        {
            throw new FeedFormatException($"the shares add up to {shares.Sum(s => s.Percent)}%, more than 100%");
        }

        return new NationalShare(Attributes.Revision(root), source, time, Attributes.OptionalText(root, "setBy") ?? origin, shares);
    }

    public static byte[] Write(NationalShare share)
    {
        var root = new XElement(
            RootName,
            new XAttribute("revision", share.Revision),
            new XAttribute("source", share.Source),
            new XAttribute("time", share.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
            new XAttribute("setBy", share.SetBy),
            share.Shares.Select(s => new XElement("Share", new XAttribute("party", s.Party.Value), new XAttribute("percent", s.Percent.ToString(CultureInfo.InvariantCulture)))));
        return Encoding.UTF8.GetBytes(new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString());
    }
}
