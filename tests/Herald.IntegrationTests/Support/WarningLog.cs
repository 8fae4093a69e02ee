using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Herald.IntegrationTests.Support;

/// <summary>Keeps the warnings and errors an in-process host logs, as "category: message".</summary>
public sealed class WarningLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>What was logged so far.</summary>
    public IReadOnlyList<string> Lines => lines.ToArray();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(lines, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
