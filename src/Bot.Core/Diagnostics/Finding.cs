namespace CodeCube.Core.Diagnostics;

public enum FindingLevel
{
    /// <summary>Checked and fine.</summary>
    Ok,
    /// <summary>Works, but not as it should in production (no persistence, no gVisor, a loopback public URL).</summary>
    Warning,
    /// <summary>Runs cannot work until this is fixed.</summary>
    Blocking,
}

/// <summary>One result of <c>codecube doctor</c>: what was checked, what was found and, for a problem, what to do.</summary>
public sealed record Finding(FindingLevel Level, string Check, string Detail, string? Fix = null)
{
    public static Finding Ok(string check, string detail) => new(FindingLevel.Ok, check, detail);

    public static Finding Warn(string check, string detail, string fix) => new(FindingLevel.Warning, check, detail, fix);

    public static Finding Block(string check, string detail, string fix) => new(FindingLevel.Blocking, check, detail, fix);
}
