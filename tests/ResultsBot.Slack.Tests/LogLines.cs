using Microsoft.Extensions.Logging;

namespace ResultsBot.Slack.Tests;

/// <summary>Keeps every log line with its level, so a test can read what an operator would.</summary>
internal sealed class LogLines<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines.Where(l => l.StartsWith("Warning: ", StringComparison.Ordinal)).Select(l => l["Warning: ".Length..])];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
