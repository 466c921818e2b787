using System.Text;

namespace ResultsBot.Domain.Text;

/// <summary>
/// User text made safe to echo into a channel: letters, digits, spaces and a little punctuation only,
/// so nothing can ping (@everyone), format (markdown) or reorder (bidi marks) a message; cut short.
/// </summary>
public static class SafeText
{
    public const int MaxEcho = 60;

    public static string Echo(string text)
    {
        var safe = new StringBuilder(Math.Min(text.Length, MaxEcho + 1));
        foreach (var ch in text)
        {
            if (safe.Length > MaxEcho)
            {
                break;
            }

            if (char.IsLetterOrDigit(ch) || ch is ' ' or '-' or '\'' or '&' or '.' or ',' or '(' or ')' or '%')
            {
                safe.Append(ch);
            }
            else if (char.IsWhiteSpace(ch))
            {
                safe.Append(' ');
            }
        }

        var result = safe.ToString().Trim();
        return result.Length > MaxEcho ? result[..MaxEcho].TrimEnd() + "…" : result;
    }
}
