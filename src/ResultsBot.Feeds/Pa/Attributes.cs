using System.Globalization;
using System.Xml.Linq;

namespace ResultsBot.Feeds.Pa;

/// <summary>Reads PA attributes with limits, so absurd values are refused with a reason rather than posted.</summary>
internal static class Attributes
{
    public const int MaxNameLength = 200;
    public const int MaxSeats = 1_000;

    public static string RequiredText(XElement element, string name)
    {
        var value = element.Attribute(name)?.Value.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new FeedFormatException($"<{element.Name.LocalName}> has no {name}");
        }

        return Limited(element, name, value);
    }

    public static string? OptionalText(XElement element, string name)
    {
        var value = element.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : Limited(element, name, value);
    }

    public static int Count(XElement element, string name, int max = MaxSeats)
    {
        var text = RequiredText(element, name);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new FeedFormatException($"<{element.Name.LocalName}> {name}='{Shorten(text)}' is not a whole number");
        }

        if (value < 0 || value > max)
        {
            throw new FeedFormatException($"<{element.Name.LocalName}{Named(element)}> {name}='{value}' is out of range (0 to {max})");
        }

        return value;
    }

    public static int Change(XElement element, string name)
    {
        var text = RequiredText(element, name);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value is < -MaxSeats or > MaxSeats)
        {
            throw new FeedFormatException($"<{element.Name.LocalName}{Named(element)}> {name}='{Shorten(text)}' is not a plausible seat change");
        }

        return value;
    }

    public static int Revision(XElement root)
    {
        var text = OptionalText(root, "revision");
        if (text is null)
        {
            return 1;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) || revision < 1)
        {
            throw new FeedFormatException($"revision='{Shorten(text)}' is not a positive whole number");
        }

        return revision;
    }

    public static bool Flag(XElement element, string name) =>
        string.Equals(element.Attribute(name)?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static DateOnly? Date(XElement? element, string name) =>
        element?.Attribute(name)?.Value is { } text
        && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static DateTimeOffset? Time(XElement element, string name) =>
        element.Attribute(name)?.Value is { } text
        && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static string Limited(XElement element, string name, string value) =>
        value.Length <= MaxNameLength
            ? value
            : throw new FeedFormatException($"<{element.Name.LocalName}> {name} is {value.Length:N0} characters long (at most {MaxNameLength})");

    private static string Named(XElement element) =>
        element.Attribute("name")?.Value is { Length: > 0 and <= MaxNameLength } name ? $" name='{name}'" : "";

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
