using System.Text.Json;
using System.Text.Json.Serialization;
using CodeCube.Core.Contracts;

namespace CodeCube.Host.Cli;

/// <summary>The one object `codecube run --json` prints; exactly these eight fields.</summary>
internal sealed record CliJsonResult(
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("exitCode")] int? ExitCode,
    [property: JsonPropertyName("stdout")] string Stdout,
    [property: JsonPropertyName("stderr")] string Stderr,
    [property: JsonPropertyName("wallMs")] long WallMs,
    [property: JsonPropertyName("truncated")] bool Truncated)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static CliJsonResult From(RunResult result) => new(
        result.Language, result.Version, result.Outcome.ToWire(), result.ExitCode, result.Stdout, result.Stderr,
        result.WallMs, result.Truncated);

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
