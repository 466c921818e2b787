using System.Globalization;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// Turnout on one stated basis: ballots as a share of the electorate. When the feed gives both the
/// counts and a percentage and they disagree beyond rounding, the percentage the counts make is the
/// one printed (with PA's change dropped, since it was measured on the other basis) — never the two
/// side by side. A figure above 100% is impossible and is not printed.
/// </summary>
public static class TurnoutText
{
    /// <summary>The percentage PA may round to and still agree with the counts.</summary>
    private const decimal Tolerance = 0.1m;

    /// <returns>"Turnout 76.3% (138,910 of an electorate of 182,136), +4.5 pts on last time."; null when nothing is known.</returns>
    public static string? Line(int? ballots, decimal? percent, decimal? change, int? electorate, CultureInfo culture)
    {
        var given = percent is >= 0 and <= 100 ? percent : null;
        if (ballots is { } b && electorate is > 0 and var e && b <= e)
        {
            var counted = 100m * b / e;
            var agrees = given is { } g && Math.Abs(g - counted) <= Tolerance;
            return $"Turnout {Percent(counted, culture)} ({Numbers.Count(b, culture)} of an electorate of {Numbers.Count(e, culture)}){(agrees ? Change(change, culture) : "")}.";
        }

        if (given is { } p)
        {
            return $"Turnout {Percent(p, culture)}{Change(change, culture)}.";
        }

        return ballots is { } only ? $"Turnout: {Numbers.Count(only, culture)} ballots." : null;
    }

    /// <summary>"76.3%".</summary>
    public static string Percent(decimal value, CultureInfo culture) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", culture) + "%";

    private static string Change(decimal? change, CultureInfo culture) => change is { } c ? $", {Points.Signed(c, culture)} on last time" : "";
}
