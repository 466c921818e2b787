using System.Globalization;
using Microsoft.Extensions.Configuration;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Platforms;
using ResultsBot.Feeds.Sources;
using ResultsBot.Application.Pipeline;

namespace ResultsBot.Settings;

/// <summary>Reads <see cref="BotSettings"/> from configuration and refuses bad values with a message naming the key.</summary>
public static class SettingsReader
{
    private static readonly Dictionary<string, string[]> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Feed"] = ["Source", "PollInterval", "ReadTimeout", "SourceName"],
        ["Replay"] = ["Speed"],
        ["Posts"] = ["Culture"],
        ["Operations"] = ["Channel", "FeedFailingAfter", "FeedSilentAfter"],
        ["ConnectionStrings"] = ["ResultsBot"],
        ["Store"] = ["AllowRepost"],
    };

    /// <param name="parts">The sections the composed parts (Discord, Slack, the store…) read and have checked themselves.</param>
    public static BotSettings Read(IConfiguration configuration, IReadOnlyDictionary<string, string[]>? parts = null)
    {
        RejectUnknownKeys(configuration, parts ?? new Dictionary<string, string[]>());

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

        var urls = SettingsText.Urls(configuration);
        CheckUrls(urls);
        return new BotSettings(source, poll, speed, Blank(configuration.GetConnectionString("ResultsBot")), culture, sourceName, SettingsText.Admins(configuration), FeedAlerts(configuration))
        {
            Urls = urls,
            FeedReadTimeout = readTimeout,
            Subscriptions = Subscriptions(configuration),
            AllowRepost = SettingsText.Flag(configuration, "Store:AllowRepost"),
        };
    }

    /// <summary>Subscriptions:0:Channel=discord:123, Subscriptions:0:Filter=region London; changes.</summary>
    private static List<ConfiguredSubscription> Subscriptions(IConfiguration configuration)
    {
        var known = Regions.KnownCouncils;
        var subscriptions = new List<ConfiguredSubscription>();
        foreach (var entry in configuration.GetSection("Subscriptions").GetChildren())
        {
            var key = $"Subscriptions:{entry.Key}";
            foreach (var child in entry.GetChildren().Where(c => c.Key is not ("Channel" or "Filter")))
            {
                throw new SettingsException($"{key}:{child.Key} is not a setting the bot knows (known: {key}:Channel, {key}:Filter)");
            }

            if (!ChannelAddress.TryParse(entry["Channel"], out var channel))
            {
                throw new SettingsException($"{key}:Channel '{entry["Channel"]}': write the channel as platform:id, e.g. discord:1234 or slack:C0123");
            }

            var parse = SubscriptionParser.Parse(entry["Filter"] ?? "", known, []);
            if (parse.Filter is null)
            {
                throw new SettingsException($"{key}:Filter: {parse.Error}");
            }

            if (parse.Filter.Publish && channel.Platform != "discord")
            {
                throw new SettingsException($"{key}:Filter: publish is for Discord announcement channels, whose posts other servers follow; {channel} is not on Discord");
            }

            subscriptions.Add(new ConfiguredSubscription(channel.ToString(), parse.Filter));
        }

        return subscriptions;
    }

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
    private static void RejectUnknownSections(IConfiguration configuration, IReadOnlyDictionary<string, string[]> parts)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return;
        }

        foreach (var provider in root.Providers.Where(p => p is Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider or Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider || CredentialFiles.IsCredentialFiles(p)))
        {
            foreach (var section in provider.GetChildKeys([], null).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!KnownKeys.ContainsKey(section) && !parts.ContainsKey(section) && !HostSections.Contains(section)
                    && !section.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) && !section.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                    && !section.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase))
                {
                    throw new SettingsException($"{section} is not a section the bot knows (known: {string.Join(", ", KnownKeys.Keys.Concat(parts.Keys).Concat(["Admins", "Subscriptions", "Logging"]))})");
                }
            }
        }
    }

    private static void RejectUnknownKeys(IConfiguration configuration, IReadOnlyDictionary<string, string[]> parts)
    {
        RejectUnknownSections(configuration, parts);
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

    private static string? Blank(string? value) => SettingsText.Blank(value);
}
