using CodeCube.Core.Contracts;

namespace CodeCube.Sandbox.Languages;

/// <summary>A manifest language joined with its built image; <see cref="Image"/> is null until it is built.</summary>
internal sealed record LanguageSpec(ManifestLanguage Manifest, LockedImage? Built)
{
    public const string UnbuiltVersion = "unbuilt";

    public string Id => Manifest.Id;

    public string? Image => Built?.Image;

    public LanguageInfo Info { get; init; } = new(
        Manifest.Id,
        Manifest.Aliases ?? [],
        Built?.Version ?? UnbuiltVersion,
        Manifest.Extensions ?? [],
        Manifest.Compile is not null,
        Built?.Digest ?? "",
        Kind: Manifest.Kind ?? "",
        Notes: Manifest.Notes,
        Libraries: Manifest.Libraries ?? []);

    /// <summary>The image name the manifest expects (for messages when it is not built).</summary>
    public string ExpectedImage => Built?.Image ?? $"codecube/{Manifest.Image}";
}
