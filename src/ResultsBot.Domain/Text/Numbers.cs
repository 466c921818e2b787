using System.Globalization;

namespace ResultsBot.Domain.Text;

/// <summary>Numbers as results services print them: "1,158", "+21", "-19".</summary>
public static class Numbers
{
    public static string Count(int value, CultureInfo culture) => value.ToString("N0", culture);

    /// <summary>"1 seat", "1,158 seats". Humanizer's ToQuantity runs its pluralisation rules on every call, which showed in the ingest profile.</summary>
    public static string Seats(int value, CultureInfo culture) => Count(value, culture) + (value == 1 ? " seat" : " seats");

    public static string Signed(int value, CultureInfo culture) => value switch
    {
        > 0 => "+" + value.ToString("N0", culture),
        < 0 => "-" + (-value).ToString("N0", culture),
        _ => "±0",
    };
}
