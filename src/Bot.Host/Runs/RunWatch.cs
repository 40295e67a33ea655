using CodeCube.Core.Contracts;

namespace CodeCube.Host.Runs;

/// <summary>What the host knows of one queued run: its last sign of life, who runs it and, once done, its answer.</summary>
internal sealed class RunWatch(TimeProvider time, IProgress<OutputChunk>? progress) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);
    private long _lastSign = time.GetTimestamp();
    private volatile string? _worker;
    private volatile RunAnswer? _answer;

    public string? Worker => _worker;

    public RunAnswer? Answer => _answer;

    public TimeSpan SilentFor => time.GetElapsedTime(Interlocked.Read(ref _lastSign));

    public void Alive() => Interlocked.Exchange(ref _lastSign, time.GetTimestamp());

    public Task WaitAsync(TimeSpan most, CancellationToken ct) => _signal.WaitAsync(most, ct);

    public void Dispose() => _signal.Dispose();

    public void On(RunEvent e)
    {
        Alive();
        switch (e.Kind)
        {
            case RunEvent.Started:
                _worker = e.Worker;
                break;
            case RunEvent.Output when e.Text is { } text:
                progress?.Report(new OutputChunk(e.Stream, text));
                break;
            case RunEvent.Done:
                _answer = e.Answer;
                _signal.Release();
                break;
        }
    }
}
