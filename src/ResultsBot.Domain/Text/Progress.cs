using System.Globalization;

namespace ResultsBot.Domain.Text;

/// <summary>"36 of 107 councils declared", "1 council declared": the night's progress as every answer and picture says it.</summary>
public static class Progress
{
    public static string Councils(int declared, int? expected, CultureInfo culture) => expected switch
    {
        { } all => $"{Numbers.Count(declared, culture)} of {Numbers.Count(all, culture)} councils declared",
        _ when declared == 1 => "1 council declared",
        _ => $"{Numbers.Count(declared, culture)} councils declared",
    };
}
