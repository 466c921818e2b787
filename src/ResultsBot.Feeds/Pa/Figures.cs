using System.Globalization;
using System.Xml.Linq;

namespace ResultsBot.Feeds.Pa;

/// <summary>Optional vote counts and percentages of candidate messages, refused when absurd.</summary>
internal static class Figures
{
    public const int MaxVotes = 100_000_000;

    public static int? Votes(XElement element, string name) =>
        element.Attribute(name) is null ? null : Attributes.Count(element, name, MaxVotes);

    /// <summary>A percentage such as "48.74" or a change such as "+9.32"; at most 100 either way.</summary>
    public static decimal? Percent(XElement element, string name)
    {
        var text = Attributes.OptionalText(element, name);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) > 100)
        {
            throw new FeedFormatException($"<{element.Name.LocalName}> {name}='{(text.Length <= 20 ? text : text[..20] + "…")}' is not a percentage");
        }

        return value;
    }

    /// <summary>PA marks flags such as elected and previousSittingMember with "*" (and sometimes "+").</summary>
    public static bool Marked(XElement element, string name) => element.Attribute(name)?.Value.Trim() is { Length: > 0 };
}
