using System.Globalization;

namespace ResultsBot.Domain.Tests;

/// <summary>The bot formats in en-GB whatever the machine's locale; so do the tests.</summary>
internal static class Culture
{
    public static CultureInfo EnGb { get; } = CultureInfo.GetCultureInfo("en-GB");
}
