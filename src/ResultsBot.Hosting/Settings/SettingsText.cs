using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ResultsBot.Settings;

/// <summary>
/// How every part reads a setting's text, so a bad value fails the same way wherever it is read: at start,
/// with a message naming the key and saying what to give.
/// </summary>
public static class SettingsText
{
    /// <summary>The value, trimmed; null when absent or only spaces.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A true/false setting: absent is false; anything else but true or false stops the bot naming the key.</summary>
    public static bool Flag(IConfiguration configuration, string key) =>
        Blank(configuration[key]) is not { } text ? false
        : bool.TryParse(text, out var value) ? value
        : throw new SettingsException($"{key} '{text}': give true or false");

    /// <summary>A list as Key:0, Key:1… or one comma-separated value.</summary>
    public static List<string> List(IConfiguration section, string key)
    {
        var list = section.GetSection(key);
        var values = list.Value is { } single ? [single] : list.GetChildren().Select(c => c.Value ?? "");
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
    }

    /// <param name="key">The full key, "Section:Name", as the message names it.</param>
    public static TEnum Enum<TEnum>(IConfigurationSection section, string key, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (Blank(section[Name(key)]) is not { } text)
        {
            return fallback;
        }

        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new SettingsException($"{key} '{text}': give one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
    }

    /// <param name="key">The full key, "Section:Name", as the message names it.</param>
    public static Uri? Url(IConfigurationSection section, string key, string[] schemes)
    {
        if (Blank(section[Name(key)]) is not { } text)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && schemes.Contains(url.Scheme)
            ? url
            : throw new SettingsException($"{key} '{text}': give an absolute {string.Join(" or ", schemes)} URL");
    }

    /// <summary>A Discord id: a number of at most 20 digits that fits 64 bits.</summary>
    public static bool IsSnowflake(string text) => text.Length is > 0 and <= 20 && text.All(char.IsAsciiDigit) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>The standard ways to give a web server its address: --urls, or ASPNETCORE_URLS; null means no web server.</summary>
    public static string? Urls(IConfiguration configuration) => Blank(configuration["urls"]) ?? Blank(configuration["ASPNETCORE_URLS"]);

    /// <summary>The bot-wide Admins list (Admins:0=console, or Admins=console,U123): user ids allowed to change settings from a command.</summary>
    public static HashSet<string> Admins(IConfiguration configuration)
    {
        var section = configuration.GetSection("Admins");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string Name(string key) => key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
