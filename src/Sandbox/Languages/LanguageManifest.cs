using System.Text.Json;
using System.Text.Json.Serialization;

namespace CodeCube.Sandbox.Languages;

/// <summary>images/languages.json: what each language runs and how.</summary>
internal sealed record LanguageManifest(IReadOnlyList<ManifestLanguage> Languages)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static LanguageManifest Load(string path) =>
        JsonSerializer.Deserialize<LanguageManifest>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} is empty");
}

internal sealed record ManifestLanguage(
    string Id,
    IReadOnlyList<string>? Aliases,
    IReadOnlyList<string>? Extensions,
    string Image,
    string File,
    string? Compile,
    IReadOnlyList<string> Run,
    bool TmpfsExec,
    IReadOnlyDictionary<string, string>? Env,
    ManifestLimits? Limits,
    string? Kind = null,
    string? Notes = null,
    IReadOnlyList<string>? Libraries = null);

internal sealed record ManifestLimits(
    int? MemoryMiB,
    int? Pids,
    int? CompileTimeoutSeconds,
    int? RunTimeoutSeconds,
    double? Cpus);

/// <summary>images/.build/images.json, written by images/build.sh: the tag, version and digest actually built.</summary>
internal sealed record ImageLock(
    string? Base,
    IReadOnlyDictionary<string, LockedImage>? Languages)
{
    public static ImageLock Load(string path) =>
        JsonSerializer.Deserialize<ImageLock>(File.ReadAllText(path), LanguageManifest.Json)
        ?? new ImageLock(null, null);
}

internal sealed record LockedImage(
    string Image,
    string? Version,
    [property: JsonPropertyName("digest")] string? Digest);
