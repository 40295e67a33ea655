using System.Buffers;
using System.Text;
using CodeCube.Core.Contracts;
using CodeCube.Sandbox.Protocol;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Docker;

/// <summary>
/// Sends one request into a started container and collects the result: stdin is written concurrently with reading,
/// stdout and stderr are collected separately under their caps, and the container is killed at the compile or run
/// deadline or at the first byte past a cap. Does not remove the container (the caller does, always).
/// </summary>
internal sealed class RunExecutor(DockerEngine engine, IOptions<SandboxOptions> options, TimeProvider time)
{
    private const int ReadBufferBytes = 64 * 1024;
    private const int StdinChunkBytes = 64 * 1024;

    // After a kill the stream should end at once; if the engine never closes it, stop waiting after this.
    private static readonly TimeSpan KillDrain = TimeSpan.FromSeconds(5);

    public async Task<RunResult> ExecuteAsync(
        StartedContainer container, RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct)
    {
        var limits = container.Limits;
        var nonce = RunnerHeader.NewNonce();
        var stdout = new StreamCollector(nonce, limits.StdoutBytes);
        var stderr = new StreamCollector(nonce, limits.StderrBytes);
        using var killer = new Killer(engine, container.Id);
        using var readCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        killer.Killed += () => readCts.CancelAfter(KillDrain);

        var begin = time.GetTimestamp();
        long? runStart = null;
        var compileLimit = TimeSpan.FromMilliseconds(limits.CompileTimeoutMs) + options.Value.MarkerGrace;
        ITimer? runTimer = null;
        using var compileTimer = time.CreateTimer(
            _ => killer.Kill(KillReason.CompileTimeout), null, compileLimit, Timeout.InfiniteTimeSpan);

        var header = RunnerHeader.Build(nonce, request.Code, request.Arguments);
        var writer = WriteInputAsync(container.Stream, header, request.Stdin, readCts.Token);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
        string? overflowed = null;
        try
        {
            while (true)
            {
                MultiplexedStream.ReadResult read;
                try
                {
                    read = await container.Stream.ReadOutputAsync(buffer, 0, buffer.Length, readCts.Token)
                        .ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException
                    && !ct.IsCancellationRequested)
                {
                    // Only a kill (drain elapsed) or a dropped connection gets here; the inspect below tells which.
                    break;
                }

                if (read.EOF)
                {
                    break;
                }

                var isErr = read.Target == MultiplexedStream.TargetStream.StandardError;
                var collector = isErr ? stderr : stdout;
                var text = collector.Append(buffer.AsSpan(0, read.Count));
                if (text.Length > 0)
                {
                    progress?.Report(new OutputChunk(isErr ? OutputStream.Stderr : OutputStream.Stdout, text));
                }

                if (runStart is null && collector.Marker is not null)
                {
                    compileTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    if (collector.Marker.Kind == MarkerKind.Run)
                    {
                        runStart = time.GetTimestamp();
                        runTimer = time.CreateTimer(_ => killer.Kill(KillReason.RunTimeout), null,
                            TimeSpan.FromMilliseconds(limits.RunTimeoutMs), Timeout.InfiniteTimeSpan);
                    }
                }

                if (collector.Overflowed)
                {
                    overflowed = isErr ? "stderr" : "stdout";
                    killer.Kill(KillReason.OutputLimit);
                    break;
                }

                if (ExitedCleanly(stdout) && ExitedCleanly(stderr))
                {
                    // The runner reported the exit on both streams, so all output is in: no need to wait for the
                    // container's teardown. A signal takes the slow path below, where inspect tells an OOM kill.
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            killer.Kill(KillReason.Cancelled);
            runTimer?.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var end = time.GetTimestamp();

        // The stream ends only when the container's last process has exited (tini holds stdout and stderr until
        // then), so the program is over: a deadline passing while the engine records the exit is not a timeout.
        killer.Seal();
        compileTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (runTimer is not null)
        {
            await runTimer.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var (collector, stream) in new[] { (stdout, OutputStream.Stdout), (stderr, OutputStream.Stderr) })
        {
            var rest = collector.Complete();
            if (rest.Length > 0)
            {
                progress?.Report(new OutputChunk(stream, rest));
            }
        }

        container.Stream.Dispose();
        await writer.ConfigureAwait(false);
        await killer.WhenDoneAsync().ConfigureAwait(false);
        var reported = ExitedCleanly(stdout) && ExitedCleanly(stderr) && killer.Reason == KillReason.None ? stdout.End!.Code : null;
        var state = reported is null ? await WaitAndInspectAsync(container.Id, limits, ct).ConfigureAwait(false) : null;
        // The program's clock. A compiled language's starts at the run marker, after the compile. An interpreted
        // language's program starts as soon as the runner has the header, so its clock starts when the header went
        // out: on a loaded machine this process may not run while a short program does, and then the marker, the
        // output and the exit all arrive in one burst, where the marker's arrival would measure nothing.
        var wall = time.GetElapsedTime(container.Language.Info.Compiled ? runStart ?? begin : begin, end);
        var marker = stdout.Marker ?? stderr.Marker;
        // Once the program runs, the runner reports how it ended before exiting itself. With no report the runner was
        // killed from outside (the engine stopping, a `docker kill`), and the exit code the engine kept is that kill's,
        // not the program's: the run was lost, not completed.
        var runnerReported = stdout.End is not null || stderr.End is not null;
        var engineExit = marker?.Kind == MarkerKind.Run && !runnerReported ? null : state?.ExitCode;
        var seen = new RunObservation(
            marker, killer.Reason, state?.OomKilled ?? false, reported ?? engineExit, stdout.Text, stderr.Text,
            (long)wall.TotalMilliseconds, stdout.Overflowed || stderr.Overflowed, overflowed,
            StartOnBoth: stdout.Marker is not null && stderr.Marker is not null,
            EndOnBoth: stdout.End is not null && stderr.End is not null,
            ExitedOnBoth: ExitedCleanly(stdout) && ExitedCleanly(stderr));
        return RunOutcomeMapper.Map(container.Language.Info, seen, limits.Applied);
    }

    private static bool ExitedCleanly(StreamCollector collector) => collector.End is { Kind: MarkerKind.Exited };

    private static async Task WriteInputAsync(
        MultiplexedStream stream, byte[] header, string stdin, CancellationToken ct)
    {
        // Yield first so reading starts at once: a large stdin must not hold up the output side.
        await Task.Yield();
        try
        {
            await stream.WriteAsync(header, 0, header.Length, ct).ConfigureAwait(false);
            var bytes = Encoding.UTF8.GetBytes(stdin);
            for (var offset = 0; offset < bytes.Length; offset += StdinChunkBytes)
            {
                var count = Math.Min(StdinChunkBytes, bytes.Length - offset);
                await stream.WriteAsync(bytes, offset, count, ct).ConfigureAwait(false);
            }

            stream.CloseWrite();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException
            or System.Net.Sockets.SocketException)
        {
            // The program ended (or was killed) without reading all of its stdin: that is its right.
        }
    }

    /// <summary>The stream has ended; wait for the engine to record the exit, then read the state.</summary>
    private async Task<ExitState?> WaitAndInspectAsync(string id, EffectiveLimits limits, CancellationToken ct)
    {
        try
        {
            using var waitCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            waitCts.CancelAfter(TimeSpan.FromMilliseconds(limits.RunTimeoutMs) + KillDrain);
            await engine.Api.WaitAsync(id, waitCts.Token).ConfigureAwait(false);
            return await engine.CallAsync(t => engine.Api.InspectExitAsync(id, t), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SandboxFailure or DockerApiException or HttpRequestException or IOException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}
