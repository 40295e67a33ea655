using System.Text.Json;

namespace CodeCube.Bench;

/// <summary>Reads images/languages.json and the build lock images/.build/images.json.</summary>
internal static class Manifest
{
    internal sealed record Language(string Id, string Image, string File, string? Compile, string[] Run,
        bool TmpfsExec, Dictionary<string, string> Env, int MemoryMiB, int Pids, int CompileTimeoutMs)
    {
        public IEnumerable<string> Command()
        {
            yield return "codecube-runner";
            yield return "--file";
            yield return File;
            if (Compile is not null)
            {
                yield return "--compile";
                yield return Compile;
                yield return "--compile-timeout-ms";
                yield return CompileTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            yield return "--";
            foreach (var part in Run)
            {
                yield return part;
            }
        }
    }

    public static Dictionary<string, Language> Load(string imagesDir)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(imagesDir, "languages.json")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(imagesDir, ".build", "images.json")));
        var locks = lockFile.RootElement.GetProperty("languages");
        var result = new Dictionary<string, Language>();
        foreach (var l in manifest.RootElement.GetProperty("languages").EnumerateArray())
        {
            var id = l.GetProperty("id").GetString()!;
            if (!locks.TryGetProperty(id, out var built))
            {
                continue;
            }

            var limits = l.TryGetProperty("limits", out var lim) ? lim : default;
            int Limit(string name, int fallback) =>
                limits.ValueKind == JsonValueKind.Object && limits.TryGetProperty(name, out var v) ? v.GetInt32() : fallback;
            result[id] = new Language(
                id,
                built.GetProperty("image").GetString()!,
                l.GetProperty("file").GetString()!,
                l.TryGetProperty("compile", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
                [.. l.GetProperty("run").EnumerateArray().Select(e => e.GetString()!)],
                l.TryGetProperty("tmpfsExec", out var x) && x.GetBoolean(),
                l.TryGetProperty("env", out var env)
                    ? env.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
                    : [],
                Limit("memoryMiB", 256),
                Limit("pids", 64),
                Limit("compileTimeoutSeconds", 15) * 1000);
        }

        return result;
    }
}
