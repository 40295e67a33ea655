using System.Text.Json;
using System.Text.Json.Serialization;
using CodeCube.Core.Contracts;

namespace CodeCube.Host.Runs;

/// <summary>
/// What a worker says about a run (named, so a host's one events channel serves all its runs): started (by whom, which
/// attempt), output, done (with the one answer, so the host needs no read of the result key; a worker of an earlier
/// version sends done without it).
/// </summary>
internal sealed record RunEvent(
    string Kind, string? Worker = null, int Attempt = 0, OutputStream Stream = OutputStream.Stdout, string? Text = null,
    RunAnswer? Answer = null, string? Run = null)
{
    public const string Started = "started";
    public const string Output = "output";
    public const string Done = "done";

    /// <summary>
    /// A done event's JSON up to its answer: the answer's JSON and a closing brace complete it. The worker's script
    /// appends the answer it stores, so the answer goes to Redis once.
    /// </summary>
    public static string DoneHead(string worker, string runId)
    {
        var json = JsonSerializer.Serialize(new RunEvent(Done, worker, Run: runId), QueueJson.Default.RunEvent);
        return string.Concat(json.AsSpan(0, json.Length - 1), ",\"answer\":");
    }
}

/// <summary>
/// The one answer to a run, written with SET NX so a rerun can never answer twice. The timestamps (Unix ms) give
/// the time the run waited in the queue.
/// </summary>
internal sealed record RunAnswer(RunResult Result, string Worker, long EnqueuedAtMs, long StartedAtMs);

/// <summary>A live worker as /api/v1/workers shows it.</summary>
public sealed record WorkerStatus(
    string Name, DateTimeOffset Started, DateTimeOffset LastSeen, int InFlight, long Completed, IReadOnlyList<string> Languages);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunRequest))]
[JsonSerializable(typeof(RunEvent))]
[JsonSerializable(typeof(RunAnswer))]
[JsonSerializable(typeof(WorkerStatus))]
internal sealed partial class QueueJson : JsonSerializerContext;
