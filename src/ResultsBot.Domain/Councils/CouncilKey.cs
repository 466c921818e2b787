using System.Collections.Concurrent;
using System.Text;

namespace ResultsBot.Domain.Councils;

/// <summary>
/// Normalises a council name so that spellings of the same council meet:
/// "Basingstoke &amp; Deane" and "basingstoke and deane", "Newcastle-under-Lyme" and "Newcastle under Lyme".
/// </summary>
public static class CouncilKey
{
    // A night names a few hundred councils, each in every state of the parties PA sends: normalising them
    // again each time showed in the ingest profile. Bounded, so text from commands cannot grow it for ever.
    private const int Remembered = 4096;
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "city", "of", "borough", "council", "district", "county", "metropolitan", "london", "royal", "the",
    };

    /// <summary>A council's key without the words around the name ("city", "of", "council"...): "London Borough of Sutton" is "sutton".</summary>
    public static string Core(string key)
    {
        var core = string.Join(' ', key.Split(' ').Where(w => !Filler.Contains(w)));
        return core.Length == 0 ? key : core;
    }

    public static string For(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Known.TryGetValue(name, out var key))
        {
            return key;
        }

        key = string.Join(' ', Words(name));
        if (Known.Count < Remembered)
        {
            Known.TryAdd(name, key);
        }

        return key;
    }

    /// <summary>Normalize throws on half a surrogate pair, which pasted or truncated text can hold.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else if (!char.IsSurrogate(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    internal static IEnumerable<string> Words(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var ch in WithoutLoneSurrogates(name).Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (ch == '&')
            {
                builder.Append(" and ");
            }
            else if (char.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark && ch != '\'' && ch != '\u2019')
            {
                builder.Append(' ');
            }
        }

        foreach (var word in builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return word switch
            {
                "st" => "saint",
                "upon" => "on",
                _ => word,
            };
        }
    }
}
