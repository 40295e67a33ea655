using System.Text.Json.Serialization;

namespace CodeCube.Core.Contracts;

/// <summary>How a run ended. Expected failures are values, not exceptions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunOutcome>))]
public enum RunOutcome
{
    /// <summary>The program ran to the end (any exit code) or was ended by a signal it raised itself.</summary>
    [JsonStringEnumMemberName("completed")] Completed,
    /// <summary>The compile step failed; stderr/stdout carry the compiler's output.</summary>
    [JsonStringEnumMemberName("compile_error")] CompileError,
    /// <summary>Killed by the wall-clock limit (compile or run).</summary>
    [JsonStringEnumMemberName("timed_out")] TimedOut,
    /// <summary>Killed by the kernel's OOM killer inside the container's memory cgroup.</summary>
    [JsonStringEnumMemberName("memory_limit")] MemoryLimit,
    /// <summary>Killed because stdout or stderr passed its byte cap; what came before the cap is kept.</summary>
    [JsonStringEnumMemberName("output_limit")] OutputLimit,
    /// <summary>The sandbox itself failed (engine down, image missing); <see cref="RunResult.Detail"/> says why.</summary>
    [JsonStringEnumMemberName("sandbox_error")] SandboxError,
}
