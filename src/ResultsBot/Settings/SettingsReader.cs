using System.Globalization;
using Microsoft.Extensions.Configuration;
using ResultsBot.Feeds.Sources;
using ResultsBot.Pipeline;

namespace ResultsBot.Settings;

/// <summary>Reads <see cref="BotSettings"/> from configuration and refuses bad values with a message naming the key.</summary>
public static class SettingsReader
{
    private static readonly Dictionary<string, string[]> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Feed"] = ["Source", "PollInterval", "ReadTimeout", "SourceName"],
        ["Replay"] = ["Speed"],
        ["Posts"] = ["Culture"],
        ["Console"] = ["Digest", "DigestWindow", "ImageFolder"],
        ["Operations"] = ["Channel", "FeedFailingAfter", "FeedSilentAfter"],
        ["ConnectionStrings"] = ["ResultsBot"],
        ["Store"] = ["AllowRepost"],
        ["Discord"] = ["BotToken", "ApplicationId", "PublicKey", "Mode", "Channels", "GuildId", "ApiBaseUrl", "GatewayUrl", "NonceWindow", "UserInstall"],
        ["Slack"] = ["BotToken", "SigningSecret", "AppToken", "Mode", "Channels", "Admins", "ApiBaseUrl"],
    };

    public static BotSettings Read(IConfiguration configuration)
    {
        RejectUnknownKeys(configuration);

        var source = Blank(configuration["Feed:Source"]);
        if (source is not null && !FeedSources.IsUrl(source) && !File.Exists(source) && !Directory.Exists(source))
        {
            throw new SettingsException(source.Contains("://", StringComparison.Ordinal)
                ? $"Feed:Source '{FeedAddress.Redact(source)}': only http:// and https:// URLs are supported"
                : $"Feed:Source '{source}': no such file or directory");
        }

        var poll = TimeSpan.FromSeconds(2);
        if (Blank(configuration["Feed:PollInterval"]) is { } pollText)
        {
            if (!Durations.TryParse(pollText, out poll) || poll < TimeSpan.FromMilliseconds(50) || poll > TimeSpan.FromHours(1))
            {
                throw new SettingsException($"Feed:PollInterval '{pollText}': give a duration between 50ms and 1h, e.g. 2s or 00:00:02");
            }
        }

        var readTimeout = FeedSources.ReadDeadline;
        if (Blank(configuration["Feed:ReadTimeout"]) is { } readText)
        {
            if (!Durations.TryParse(readText, out readTimeout) || readTimeout < TimeSpan.FromMilliseconds(100) || readTimeout > TimeSpan.FromMinutes(10))
            {
                throw new SettingsException($"Feed:ReadTimeout '{readText}': give a duration between 100ms and 10m, e.g. 20s");
            }
        }

        double? speed = null;
        if (Blank(configuration["Replay:Speed"]) is { } speedText)
        {
            if (!double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0 || value > 1_000_000)
            {
                throw new SettingsException($"Replay:Speed '{speedText}': give how many times faster than real time to replay, a number above 0 (e.g. 60)");
            }

            speed = value;
        }

        var culture = CultureInfo.GetCultureInfo("en-GB");
        if (Blank(configuration["Posts:Culture"]) is { } cultureText)
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(cultureText, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
                throw new SettingsException($"Posts:Culture '{cultureText}': not a culture name this machine knows (e.g. en-GB)");
            }
        }

        var sourceName = Blank(configuration["Feed:SourceName"]) ?? (source is null ? BotSettings.SampleSourceName : "PA Media");
        if (sourceName.Length > 100)
        {
            throw new SettingsException("Feed:SourceName: at most 100 characters");
        }

        // The standard ways to give a web server its address: --urls, or ASPNETCORE_URLS.
        var urls = Blank(configuration["urls"]) ?? Blank(configuration["ASPNETCORE_URLS"]);
        CheckUrls(urls);
        return new BotSettings(source, poll, speed, Blank(configuration.GetConnectionString("ResultsBot")), culture, sourceName, Admins(configuration), Digest(configuration, "Console"), FeedAlerts(configuration))
        {
            Urls = urls,
            FeedReadTimeout = readTimeout,
            Discord = PlatformSettingsReader.Discord(configuration, urls),
            Slack = PlatformSettingsReader.Slack(configuration, urls),
            Subscriptions = PlatformSettingsReader.Subscriptions(configuration),
            AllowRepost = Flag(configuration, "Store:AllowRepost"),
            ConsoleImageFolder = Blank(configuration["Console:ImageFolder"]),
        };
    }

    /// <summary>A true/false setting: absent is false; anything else but true or false stops the bot naming the key.</summary>
    internal static bool Flag(IConfiguration configuration, string key) =>
        Blank(configuration[key]) is not { } text ? false
        : bool.TryParse(text, out var value) ? value
        : throw new SettingsException($"{key} '{text}': give true or false");

    private static FeedAlertPolicy FeedAlerts(IConfiguration configuration)
    {
        var channel = Blank(configuration["Operations:Channel"]);
        if (channel is not null)
        {
            channel = Platforms.ChannelAddress.TryParse(channel, out var address) && address.Platform is "console" or "discord" or "slack"
                ? address.ToString()
                : throw new SettingsException($"Operations:Channel '{channel}': give console, or a channel as discord:ID or slack:ID");
        }

        return new FeedAlertPolicy(
            channel,
            Duration(configuration, "Operations:FeedFailingAfter", FeedAlertPolicy.DefaultFailingAfter),
            Duration(configuration, "Operations:FeedSilentAfter", FeedAlertPolicy.DefaultSilentAfter));
    }

    private static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback)
    {
        if (Blank(configuration[key]) is not { } text)
        {
            return fallback;
        }

        return Durations.TryParse(text, out var value) && value >= TimeSpan.FromSeconds(1) && value <= TimeSpan.FromDays(2)
            ? value
            : throw new SettingsException($"{key} '{text}': give a duration between 1s and 2 days, e.g. 5m");
    }

    private static DigestPolicy Digest(IConfiguration configuration, string section)
    {
        var enabled = false;
        if (Blank(configuration[$"{section}:Digest"]) is { } text && !bool.TryParse(text, out enabled))
        {
            throw new SettingsException($"{section}:Digest '{text}': give true or false");
        }

        var window = DigestPolicy.DefaultWindow;
        if (Blank(configuration[$"{section}:DigestWindow"]) is { } windowText
            && (!Durations.TryParse(windowText, out window) || window < TimeSpan.FromSeconds(1) || window > TimeSpan.FromMinutes(30)))
        {
            throw new SettingsException($"{section}:DigestWindow '{windowText}': give a duration between 1s and 30m, e.g. 20s");
        }

        return new DigestPolicy(enabled, window);
    }

    /// <summary>Admins as a list (Admins:0=console) or one comma-separated value (Admins=console,U123).</summary>
    private static HashSet<string> Admins(IConfiguration configuration)
    {
        var section = configuration.GetSection("Admins");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Top-level sections that are not the bot's but the host's own, or read elsewhere (Admins, Subscriptions).</summary>
    private static readonly HashSet<string> HostSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "Admins", "Subscriptions", "Logging", "Kestrel", "urls", "AllowedHosts", "environment", "applicationName", "contentRoot",
        "hostBuilder", "https_port", "http_ports", "https_ports", "shutdownTimeoutSeconds", "preventHostingStartup", "detailedErrors",
    };

    /// <summary>
    /// A misspelt section ("--Discrod:BotToken=…") would otherwise be ignored silently. Only what the operator
    /// wrote is checked — the command line, appsettings.json, user-secrets and credential files, which hold the
    /// bot's settings alone — not the machine's environment, which holds every other program's variables too.
    /// </summary>
    private static void RejectUnknownSections(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return;
        }

        foreach (var provider in root.Providers.Where(p => p is Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider or Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider || CredentialFiles.IsCredentialFiles(p)))
        {
            foreach (var section in provider.GetChildKeys([], null).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!KnownKeys.ContainsKey(section) && !HostSections.Contains(section)
                    && !section.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) && !section.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                    && !section.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase))
                {
                    throw new SettingsException($"{section} is not a section the bot knows (known: {string.Join(", ", KnownKeys.Keys.Concat(["Admins", "Subscriptions", "Logging"]))})");
                }
            }
        }
    }

    private static void RejectUnknownKeys(IConfiguration configuration)
    {
        RejectUnknownSections(configuration);
        foreach (var (section, keys) in KnownKeys)
        {
            foreach (var child in configuration.GetSection(section).GetChildren())
            {
                if (!keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                {
                    throw new SettingsException($"{section}:{child.Key} is not a setting the bot knows (known: {string.Join(", ", keys.Select(k => $"{section}:{k}"))})");
                }
            }
        }
    }

    /// <summary>--urls as Kestrel takes it (http://HOST:PORT, several separated by ';', "*" or "+" for every address), checked before the web server starts.</summary>
    private static void CheckUrls(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsed = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                throw new SettingsException($"--urls '{url}': give where to listen as http://HOST:PORT, e.g. http://127.0.0.1:8080 (several separated by ';')");
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
