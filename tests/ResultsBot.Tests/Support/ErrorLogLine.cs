using System.Text.RegularExpressions;

namespace ResultsBot.Tests.Support;

/// <summary>A log entry at Error or Critical in the default (simple) log format: "2026-05-02 23:41:07 fail: Category[0] …".</summary>
internal static partial class ErrorLogLine
{
    public static bool IsMatch(string line) => Pattern().IsMatch(line);

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (fail|crit): ")]
    private static partial Regex Pattern();
}
