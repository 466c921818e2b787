using System.Globalization;

namespace ResultsBot.Domain.Text;

/// <summary>Numbers as results services print them: "1,158", "+21", "-19".</summary>
public static class Numbers
{
    public static string Count(int value, CultureInfo culture) => value.ToString("N0", culture);

    public static string Signed(int value, CultureInfo culture) => value switch
    {
        > 0 => "+" + value.ToString("N0", culture),
        < 0 => "-" + (-value).ToString("N0", culture),
        _ => "±0",
    };
}
