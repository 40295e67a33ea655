using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CodeCube.Core.Tests.Fakes;

/// <summary>Collects log entries so tests can check that a failure was logged.</summary>
internal sealed class LogSink
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();
}

internal sealed class SinkLogger<T>(LogSink sink) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        sink.Entries.Enqueue((logLevel, formatter(state, exception), exception));
}
