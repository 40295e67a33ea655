using Microsoft.Extensions.Logging;

namespace CodeCube.Testing.Logging;

/// <summary>Collects log entries so a test can check what was logged (a failure, a wait that began).</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> entries = new();

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new SinkLogger<LogSink>(this);

    public void Dispose()
    {
    }

    internal void Add(LogLevel level, string message, Exception? exception) => entries.Enqueue((level, message, exception));
}

/// <summary>A logger of every level into a <see cref="LogSink"/>, for code built by hand or as DI's open generic.</summary>
public sealed class SinkLogger<T>(LogSink sink) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        sink.Add(logLevel, formatter(state, exception), exception);
}
