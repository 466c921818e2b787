using System.Globalization;

namespace ResultsBot.Domain.Text;

/// <summary>Changes in share, always in percentage points: "+4.5 pts", "-30.1 pts", "±0.0 pts".</summary>
public static class Points
{
    public static string Signed(decimal value, CultureInfo culture)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded > 0 ? "+" : rounded < 0 ? "-" : "±") + Math.Abs(rounded).ToString("0.0", culture) + " pts";
    }
}
