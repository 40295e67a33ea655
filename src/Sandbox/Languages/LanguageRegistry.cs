using CodeCube.Core.Contracts;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Languages;

/// <summary>
/// The manifest joined with the lock file. The lock is re-read when it changes on disk, so images built while the
/// bot runs become usable without a restart.
/// </summary>
internal sealed class LanguageRegistry : ILanguageRegistry
{
    private readonly string _manifestPath;
    private readonly string _lockPath;
    private readonly LanguageManifest _manifest;
    private readonly Lock _gate = new();
    private Snapshot _snapshot;

    private readonly SandboxOptions _options;

    public LanguageRegistry(IOptions<SandboxOptions> options)
        : this(ImagesDirectory.Locate(options.Value.ImagesDirectory), options.Value)
    {
    }

    public LanguageRegistry(string imagesDirectory, SandboxOptions? options = null)
    {
        _options = options ?? new SandboxOptions();
        Directory = imagesDirectory;
        _manifestPath = Path.Combine(imagesDirectory, ImagesDirectory.ManifestFile);
        _lockPath = ImagesDirectory.LockFile(imagesDirectory);
        _manifest = LanguageManifest.Load(_manifestPath);
        _snapshot = Build(ReadLockStamp());
    }

    public string Directory { get; }

    public IReadOnlyList<LanguageInfo> All => Current.Infos;

    internal IReadOnlyList<LanguageSpec> Specs => Current.Specs;

    public bool TryResolve(string idAliasOrExtension, out LanguageInfo language)
    {
        if (TryGetSpec(idAliasOrExtension, out var spec))
        {
            language = spec.Info;
            return true;
        }

        language = null!;
        return false;
    }

    internal bool TryGetSpec(string idAliasOrExtension, out LanguageSpec spec)
    {
        var key = (idAliasOrExtension ?? "").Trim();
        return Current.ByName.TryGetValue(key, out spec!);
    }

    public IReadOnlyList<string> Suggest(string unknown, int max = 3) =>
        LanguageSuggester.Suggest(unknown, Current.Names, max);

    private Snapshot Current
    {
        get
        {
            var stamp = ReadLockStamp();
            lock (_gate)
            {
                if (stamp != _snapshot.LockStamp)
                {
                    _snapshot = Build(stamp);
                }

                return _snapshot;
            }
        }
    }

    private DateTime ReadLockStamp() => File.Exists(_lockPath) ? File.GetLastWriteTimeUtc(_lockPath) : DateTime.MinValue;

    private Snapshot Build(DateTime stamp)
    {
        ImageLock? imageLock = null;
        if (stamp != DateTime.MinValue)
        {
            try
            {
                imageLock = ImageLock.Load(_lockPath);
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
            {
                // build.sh may be rewriting the lock right now; the next access sees it again.
                stamp = DateTime.MinValue.AddTicks(1);
            }
        }

        var specs = _manifest.Languages
            .Select(l => WithLimitsKey(new LanguageSpec(l, imageLock?.Languages?.GetValueOrDefault(l.Id))))
            .ToList();
        var byName = new Dictionary<string, LanguageSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            byName.TryAdd(spec.Id, spec);
        }

        // Aliases and extensions never shadow an id.
        foreach (var spec in specs)
        {
            foreach (var alias in spec.Info.Aliases)
            {
                byName.TryAdd(alias, spec);
            }

            foreach (var ext in spec.Info.Extensions)
            {
                byName.TryAdd(ext, spec);
                byName.TryAdd(ext.TrimStart('.'), spec);
            }
        }

        var names = specs.SelectMany(s => s.Info.Aliases.Prepend(s.Id).Select(name => (name, s.Id))).ToList();
        return new Snapshot(stamp, specs, specs.Select(s => s.Info).ToList(), byName, names);
    }

    // Everything that can change what a run prints is part of its cache key: the language's manifest entry (compile
    // and run commands, env, limits), the effective limits and every container option a program can observe.
    private LanguageSpec WithLimitsKey(LanguageSpec spec)
    {
        var manifestEntry = System.Text.Json.JsonSerializer.Serialize(spec.Manifest, LanguageManifest.Json);
        var key = string.Join('\n',
            manifestEntry,
            Docker.EffectiveLimits.For(spec, _options).ToString(),
            $"runtime={_options.Runtime} user={_options.User} network={_options.NetworkMode} tmpfs={_options.TmpfsMiB}",
            $"nofile={_options.NoFileLimit} fsize={_options.FileSizeMiB} grace={_options.MarkerGrace}",
            $"runsc-pids={_options.RunscPidsHeadroom} oom-adj={Docker.RunContainerSpec.OomScoreAdj}");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        return spec with { Info = spec.Info with { LimitsKey = hash } };
    }

    private sealed record Snapshot(
        DateTime LockStamp,
        IReadOnlyList<LanguageSpec> Specs,
        IReadOnlyList<LanguageInfo> Infos,
        IReadOnlyDictionary<string, LanguageSpec> ByName,
        IReadOnlyList<(string Name, string Id)> Names);
}
