using System.Globalization;
using ResultsBot.Discord.Wire;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Discord.Posts;

/// <summary>
/// A post as a Discord message body: one embed (headline as title, party colour, labelled sections as
/// fields, the rest as description, source and time as footer), always within Discord's limits — long
/// values continue in further fields, and what cannot fit is cut with an ellipsis and a note, never refused.
/// </summary>
public static class DiscordPostRenderer
{
    internal const string ShortenedNote = "… (shortened to fit Discord)";
    private const string Continued = " (cont.)";
    private const string EmptyValue = "\u200b";

    /// <summary>{"embeds": [embed], "allowed_mentions": {"parse": []}}, with a "Full result" button under a result; ready to POST or PATCH.</summary>
    /// <param name="reference">A delivery reference ("ref 4821") to end the footer with, so the post can be recognised when read back; never cut.</param>
    public static DiscordMessage Render(Post post, string? reference = null) => new()
    {
        Embeds = [Embed(post, reference)],
        AllowedMentions = DiscordAllowedMentions.None,
        Components = PostButtons.For(post),
    };

    public static DiscordEmbed Embed(Post post, string? reference = null)
    {
        var title = TextCuts.Trim(Clean(post.Headline), EmbedLimits.Title);
        // Footers show text as it is (no markdown), so a backslash would show: only controls and mentions go.
        var footer = post.Footer is { } f ? DiscordMessageText.Neutralise(DiscordMarkdown.StripControls(f.Replace("\r\n", "\n", StringComparison.Ordinal))).Trim() : "";
        var suffix = reference is null ? "" : (footer.Length > 0 ? DeliveryReference.Separator : "") + reference;
        footer = TextCuts.Trim(footer, EmbedLimits.Footer - suffix.Length);
        var description = TextCuts.Trim(
            string.Join("\n", post.Sections.Where(s => s.Label is null).Select(s => Clean(s.Text)).Where(t => t.Length > 0)),
            EmbedLimits.Description,
            ShortenedNote);
        var fields = FitFieldCount(post.Sections.Where(s => s.Label is not null).SelectMany(Fields).ToList());

        // All text together must stay within 6000. Shorten a long description first (down to a page), then
        // drop trailing fields for a note, then shorten the description further, then the footer.
        description = ShortenBy(description, Total(title, description, footer + suffix, fields) - EmbedLimits.Total, floor: EmbedLimits.FieldValue);
        var omitted = fields is [.., { Omitted: > 0 } note] ? note.Omitted : 0;
        if (omitted > 0)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        while (fields.Count > 0 && Total(title, description, footer + suffix, fields) + (omitted > 0 ? OmittedNote(omitted).Length : 0) > EmbedLimits.Total)
        {
            fields.RemoveAt(fields.Count - 1);
            omitted++;
        }

        if (omitted > 0)
        {
            fields.Add(OmittedNote(omitted));
        }

        description = ShortenBy(description, Total(title, description, footer + suffix, fields) - EmbedLimits.Total, floor: 0);
        var over = Total(title, description, footer + suffix, fields) - EmbedLimits.Total;
        if (over > 0 && footer.Length > 0)
        {
            footer = TextCuts.Trim(footer, Math.Max(1, footer.Length - over));
        }

        footer += suffix;

        if (title.Length == 0 && description.Length == 0 && fields.Count == 0)
        {
            title = "(no text)";
        }

        return Build(post, title, description, footer, fields);
    }

    /// <summary>The embed with only what it has: Discord refuses an empty title, description or footer text.</summary>
    private static DiscordEmbed Build(Post post, string title, string description, string footer, List<FieldText> fields) => new()
    {
        Title = title.Length > 0 ? title : null,
        Description = description.Length > 0 ? description : null,
        Color = ColourOf(post.Colour),
        Fields = fields.Count > 0 ? [.. fields.Select(f => new DiscordEmbedField(f.Name, f.Value, f.Inline))] : null,
        Footer = footer.Length > 0 ? new DiscordEmbedFooter(footer) : null,
    };

    /// <summary>A labelled section as one field, or several when the value is over 1024 ("Seats won (cont.)").</summary>
    private static IEnumerable<FieldText> Fields(PostSection section)
    {
        var label = Clean(section.Label!);
        var name = label.Length == 0 ? EmptyValue : TextCuts.Trim(label, EmbedLimits.FieldName);
        var text = Clean(section.Text);
        if (text.Length == 0)
        {
            yield return new FieldText(name, EmptyValue, Inline: true);
            yield break;
        }

        var chunks = TextCuts.Chunks(text, EmbedLimits.FieldValue);
        var inline = chunks.Count == 1 && text.Length <= EmbedLimits.InlineValue && !text.Contains('\n', StringComparison.Ordinal);
        var continuedName = (label.Length == 0 ? "" : TextCuts.Trim(label, EmbedLimits.FieldName - Continued.Length)) + Continued;
        for (var i = 0; i < chunks.Count; i++)
        {
            yield return new FieldText(i == 0 ? name : continuedName, chunks[i].Length == 0 ? EmptyValue : chunks[i], inline);
        }
    }

    private static string ShortenBy(string description, int over, int floor)
    {
        if (over <= 0 || description.Length <= floor)
        {
            return description;
        }

        return TextCuts.Trim(description, Math.Max(Math.Max(floor, ShortenedNote.Length), description.Length - over), ShortenedNote);
    }

    private static List<FieldText> FitFieldCount(List<FieldText> fields)
    {
        if (fields.Count <= EmbedLimits.Fields)
        {
            return fields;
        }

        var kept = fields.Take(EmbedLimits.Fields - 1).ToList();
        kept.Add(OmittedNote(fields.Count - kept.Count));
        return kept;
    }

    private static FieldText OmittedNote(int count) => new(
        TextCuts.Ellipsis,
        string.Create(CultureInfo.InvariantCulture, $"{count} more {(count == 1 ? "part" : "parts")} not shown (too long for one Discord message)"),
        Inline: false,
        Omitted: count);

    private static int Total(string title, string description, string footer, List<FieldText> fields) =>
        title.Length + description.Length + footer.Length + fields.Sum(f => f.Name.Length + f.Value.Length);

    /// <summary>Feed text escaped at this boundary: it reaches titles, descriptions and fields, which render markdown.</summary>
    private static string Clean(string text) => DiscordMessageText.Neutralise(DiscordMarkdown.Escape(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()));

    /// <summary>"#E4003B" → 0xE4003B; anything else → no colour.</summary>
    internal static int? ColourOf(string? hex)
    {
        var digits = hex?.Trim().TrimStart('#');
        return digits is { Length: 6 } && int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private sealed record FieldText(string Name, string Value, bool Inline, int Omitted = 0)
    {
        public int Length => Name.Length + Value.Length;
    }
}
