using System.Globalization;
using System.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// What a user typed, made safe to repeat in a channel: letters, digits, single spaces and a little
/// punctuation (- ' &amp; . , ( )) are kept, everything else is dropped, so no echo can mention
/// (@everyone, &lt;@123&gt;), format (* _ ` &gt; ~ |), or turn text around (bidi marks). Cut to 60 characters.
/// </summary>
public static class SafeText
{
    public const int MaxLength = 60;

    public static string Echo(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        foreach (var ch in text)
        {
            if (builder.Length > MaxLength)
            {
                break;
            }

            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (Keeps(ch))
            {
                builder.Append(ch);
            }
        }

        var safe = builder.ToString().Trim();
        return safe.Length <= MaxLength ? safe : safe[..MaxLength].TrimEnd() + "…";
    }

    /// <summary>The input with control and formatting characters (bidi marks, zero-width spaces) taken out and tabs or line breaks made spaces.</summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                builder.Append(' ');
            }
            else if (!IsInvisible(ch))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool Keeps(char ch) =>
        (char.IsLetterOrDigit(ch) && !char.IsSurrogate(ch))
        || ch is '-' or '\'' or '&' or '.' or ',' or '(' or ')';

    private static bool IsInvisible(char ch) => char.GetUnicodeCategory(ch) is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse;
}
