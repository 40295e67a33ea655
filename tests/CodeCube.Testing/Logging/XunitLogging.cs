using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CodeCube.Testing.Logging;

/// <summary>
/// Writes a host's log into the test's own output, so a failing test shows what the host did (xunit prints a
/// test's output with its result). CODECUBE_TEST_LOG (e.g. Debug) sets the level; the default is Information.
/// </summary>
public sealed class XunitLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>The level for <c>Logging:LogLevel:Default</c> in a host under test.</summary>
    public static string Level => Environment.GetEnvironmentVariable("CODECUBE_TEST_LOG") ?? "Information";

    public ILogger CreateLogger(string categoryName) => new XunitLogger(this, categoryName[(categoryName.LastIndexOf('.') + 1)..]);

    public void Dispose()
    {
    }

    private void Write(string line) => output.TryWriteLine($"{clock.Elapsed.TotalSeconds,7:0.000} {line}");

    private sealed class XunitLogger(XunitLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var text = $"{logLevel,-11} {category}: {formatter(state, exception)}";
            provider.Write(exception is null ? text : $"{text}\n{exception}");
        }
    }
}

public static class TestOutputExtensions
{
    /// <summary>
    /// Writes a line unless the test has already ended: a host's background work can log while it stops, after
    /// xunit closed the test's output, and that must not throw into the host.
    /// </summary>
    public static void TryWriteLine(this ITestOutputHelper output, string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // No test is active any more.
        }
    }
}
