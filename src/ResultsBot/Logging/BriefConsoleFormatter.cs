using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ResultsBot.Logging;

/// <summary>One short line per log entry ("warn: Skipped x.xml: ..."), on standard error, so posts on standard output stay clean.</summary>
public sealed class BriefConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "brief";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var level = logEntry.LogLevel switch
        {
            LogLevel.Critical => "fatal",
            LogLevel.Error => "error",
            LogLevel.Warning => "warn",
            LogLevel.Information => "info",
            _ => "debug",
        };
        textWriter.Write(level);
        textWriter.Write(": ");
        textWriter.WriteLine(logEntry.Exception is null ? message : $"{message} ({logEntry.Exception.GetType().Name}: {logEntry.Exception.Message})");
    }
}
