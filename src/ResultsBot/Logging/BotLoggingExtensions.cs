using System.Text.Encodings.Web;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ResultsBot.Logging;

/// <summary>
/// Logs through the framework's console logger, configured the standard way (Logging:LogLevel:*,
/// Logging:Console:FormatterName simple, json or systemd, Logging:Console:FormatterOptions:*; simple by default, systemd's
/// when systemd started the bot). The bot's own
/// choices are only defaults, kept in the lowest configuration layer so that any setting an operator gives wins.
/// </summary>
public static class BotLoggingExtensions
{
    /// <summary>The simple formatter's time: a date and a 24-hour clock, read the same way in the UK and anywhere.</summary>
    public const string SimpleTimestampFormat = "yyyy-MM-dd HH:mm:ss ";

    /// <summary>The json formatter's time: ISO 8601 with the offset, so log tools never have to guess the zone.</summary>
    public const string JsonTimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz";

    /// <param name="verbLevel">Logging:LogLevel:Default unless configured: the long-running bot says what it is doing; the one-shot verbs only warn.</param>
    public static IHostApplicationBuilder AddResultsBotLogging(this IHostApplicationBuilder builder, LogLevel verbLevel)
    {
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults(verbLevel) });

        // The framework's default providers also include Debug and EventSource; only the console is wanted.
        builder.Logging.ClearProviders();

        // Posts and answers go to standard output (the console platform); every log line goes to standard error,
        // whatever the configuration says, so a pipe of posts is never mixed with logs.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // Timestamps are on unless a format is configured (an empty one turns them off). Set after the configuration
        // is bound, because the formatters' options have no way to say "not configured" in configuration itself.
        // The systemd formatter gets none: the journal stamps each line itself.
        builder.Services.PostConfigure<SimpleConsoleFormatterOptions>(o => o.TimestampFormat ??= SimpleTimestampFormat);
        builder.Services.PostConfigure<JsonConsoleFormatterOptions>(o =>
        {
            o.TimestampFormat ??= JsonTimestampFormat;

            // Log lines are read by people and log tools, never put in a web page: "+01:00" and "Bolton's" stay as
            // written rather than as \u002B and \u0027.
            var writer = o.JsonWriterOptions;
            writer.Encoder ??= JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.JsonWriterOptions = writer;
        });
        return builder;
    }

    private static Dictionary<string, string?> Defaults(LogLevel verbLevel) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging:LogLevel:Default"] = verbLevel.ToString(),
        ["Logging:LogLevel:Microsoft"] = nameof(LogLevel.Warning),
        ["Logging:LogLevel:System.Net.Http"] = nameof(LogLevel.Warning),

        // A failing background service is reported once, as the run's "error:" line (FatalErrors), not also
        // as the host's "BackgroundService failed" with a stack trace.
        ["Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host"] = nameof(LogLevel.Critical),

        // Under systemd the journal stamps each line and reads its priority from systemd's "<4>" prefix.
        ["Logging:Console:FormatterName"] = SystemdHelpers.IsSystemdService() ? ConsoleFormatterNames.Systemd : ConsoleFormatterNames.Simple,

        // One line per entry, so grep and tail -f show whole entries.
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",

        // Colours are decided by whether standard output is a terminal, but logs go to standard error: a log
        // redirected to a file while posts show in a terminal would fill with escape codes.
        ["Logging:Console:FormatterOptions:ColorBehavior"] = nameof(LoggerColorBehavior.Disabled),
    };
}
