using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Options;

/// <summary>
/// How much a run may carry, bound from "InputLimits". The one definition: the chat pipeline refuses bigger commands
/// with a reply, the web API with 413, and the sandbox (the CLI's only check) before any container starts.
/// </summary>
public sealed class InputLimitsOptions
{
    public const string Section = "InputLimits";

    /// <summary>Largest accepted program source, in UTF-8 bytes.</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxCodeBytes { get; set; } = 64 * 1024;

    /// <summary>Largest accepted stdin, in UTF-8 bytes.</summary>
    [Range(0, 256 * 1024 * 1024)]
    public int MaxStdinBytes { get; set; } = 64 * 1024;

    /// <summary>Each component used to have its own pair of keys; the smallest one set is taken.</summary>
    public static readonly IReadOnlyList<RenamedKey> RenamedKeys =
    [
        .. new[] { "Pipeline", "Web", "Sandbox" }.SelectMany(old => new RenamedKey[]
        {
            new($"{old}:{nameof(MaxCodeBytes)}", $"{Section}:{nameof(MaxCodeBytes)}"),
            new($"{old}:{nameof(MaxStdinBytes)}", $"{Section}:{nameof(MaxStdinBytes)}"),
        }),
    ];
}

[OptionsValidator]
internal sealed partial class InputLimitsOptionsValidator : IValidateOptions<InputLimitsOptions>;
