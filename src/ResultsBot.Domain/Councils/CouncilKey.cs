using System.Text;

namespace ResultsBot.Domain.Councils;

/// <summary>
/// Normalises a council name so that spellings of the same council meet:
/// "Basingstoke &amp; Deane" and "basingstoke and deane", "Newcastle-under-Lyme" and "Newcastle under Lyme".
/// </summary>
public static class CouncilKey
{
    public static string For(string name)
    {
        var words = Words(name).ToList();
        return string.Join(' ', words);
    }

    internal static IEnumerable<string> Words(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
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
