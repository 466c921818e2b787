using System.Globalization;

namespace ResultsBot.Domain.Text;

/// <summary>Times as people in the UK read them on the night, whatever the server's zone: "3 May 2024, 03:12 UK time".</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = Find();

    public static string Format(DateTimeOffset at, CultureInfo culture) =>
        TimeZoneInfo.ConvertTime(at, London).ToString("d MMMM yyyy, HH:mm", culture) + (London == TimeZoneInfo.Utc ? " UTC" : " UK time");

    /// <summary>Just the clock time, "01:23", for "our 01:23 post" on the night it went out ("00:23 UTC" without zone data).</summary>
    public static string Clock(DateTimeOffset at, CultureInfo culture) =>
        TimeZoneInfo.ConvertTime(at, London).ToString("HH:mm", culture) + (London == TimeZoneInfo.Utc ? " UTC" : "");

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc; // A machine without time zone data still gets a correct, if UTC, time.
        }
    }
}
