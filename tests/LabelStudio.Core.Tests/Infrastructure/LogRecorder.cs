using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LabelStudio.Core.Tests.Infrastructure;

/// <summary>Keeps every log entry of a test's services, so a test can check what an operator would read.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }
}

internal sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception);
