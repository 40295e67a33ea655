namespace CodeCube.Core.Tests.Fakes;

/// <summary>The stand-ins for what other projects provide (sandbox, stores, clock, log) that every harness here uses.</summary>
internal abstract class CoreFakes
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public FakeSandbox Sandbox { get; } = new();

    public InMemorySnippetStore Store { get; } = new();

    public InMemoryReplyMap Replies { get; } = new();

    public LogSink Log { get; } = new();
}
