using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Herald.UnitTests.Tenancy;

/// <summary>
/// A logger provider that keeps everything a log call carries: the formatted message, the
/// exception with its stack, every structured state value and every scope's text and values.
/// </summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    /// <summary>Everything captured so far, one string per piece.</summary>
    public IReadOnlyList<string> Entries => entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Add(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                entries.Enqueue(text);
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                entries.Enqueue(value.ToString() ?? string.Empty);
                foreach (var pair in pairs)
                {
                    Add(pair.Value);
                }

                return;
            case IEnumerable many and not IFormattable:
                foreach (var item in many)
                {
                    Add(item);
                }

                return;
            default:
                entries.Enqueue(value.ToString() ?? string.Empty);
                return;
        }
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            capture.entries.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
            capture.Add(state);
            capture.Add(exception?.ToString());
            capture.scopes.ForEachScope((scope, _) => capture.Add(scope), (object?)null);
        }
    }
}
