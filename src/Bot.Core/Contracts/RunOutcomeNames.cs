namespace CodeCube.Core.Contracts;

/// <summary>Word used on the wire for an outcome (<c>completed</c>, <c>compile_error</c>, ...).</summary>
public static class RunOutcomeNames
{
    public static string ToWire(this RunOutcome outcome) => outcome switch
    {
        RunOutcome.Completed => "completed",
        RunOutcome.CompileError => "compile_error",
        RunOutcome.TimedOut => "timed_out",
        RunOutcome.MemoryLimit => "memory_limit",
        RunOutcome.OutputLimit => "output_limit",
        RunOutcome.SandboxError => "sandbox_error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static bool TryParse(string? wire, out RunOutcome outcome)
    {
        foreach (var value in Enum.GetValues<RunOutcome>())
        {
            if (value.ToWire() == wire)
            {
                outcome = value;
                return true;
            }
        }
        outcome = default;
        return false;
    }
}
