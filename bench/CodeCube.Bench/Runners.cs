using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CodeCube.Bench;

/// <summary>The three ways to run a snippet that the benchmark compares.</summary>
internal static class Runners
{
    /// <summary>Whether the host has the program's interpreter or compiler (bench/run.sh installs them).</summary>
    public static bool HasNative(BenchProgram program)
    {
        if (program.Native is not { } native)
        {
            return false;
        }

        var tool = native.Compile?.Split(' ').First(w => !w.Contains('=', StringComparison.Ordinal)) ?? native.Run[0];
        return Path.IsPathRooted(tool)
            ? File.Exists(tool)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));
    }

    public static async Task<bool> NativeAsync(BenchProgram program, string workRoot, int i)
    {
        var native = program.Native!;
        var dir = Directory.CreateDirectory(Path.Combine(workRoot, $"{program.Language}-{i}")).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, program.FileName), program.Code);
            if (native.Compile is { } compile)
            {
                var built = await ExecAsync("/bin/sh", ["-c", compile], dir, null);
                if (built.Code != 0)
                {
                    Console.Error.WriteLine($"  native {program.Language}: {built.Stdout}");
                    return false;
                }
            }

            // Process.Start resolves a relative program against our own directory, not WorkingDirectory.
            var file = native.Run[0].StartsWith("./", StringComparison.Ordinal) ? Path.Combine(dir, native.Run[0][2..]) : native.Run[0];
            var run = await ExecAsync(file, native.Run[1..], dir, Encoding.UTF8.GetBytes(program.Stdin));
            return run.Code == program.Exit && run.Stdout.StartsWith(program.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>CodeCube's original way: one `docker run --rm` per snippet, same image, limits and runner.</summary>
    public static async Task<bool> DockerRunAsync(Manifest.Language lang, BenchProgram program, int nonce)
    {
        var args = new List<string>
        {
            "run", "--rm", "-i", "--network", "none", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "--read-only", "--tmpfs", $"/tmp:rw,size=64m,{(lang.TmpfsExec ? "exec" : "noexec")},mode=1777",
            "--ipc", "none", "--memory", $"{lang.MemoryMiB}m", "--memory-swap", $"{lang.MemoryMiB}m", "--cpus", "1",
            "--pids-limit", lang.Pids.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--ulimit", "nofile=256:256", "--ulimit", "fsize=16777216:16777216", "--ulimit", "core=0:0",
            "--init", "--log-driver", "none", "--user", "10001:10001", "-e", "HOME=/tmp",
        };
        foreach (var (k, v) in lang.Env)
        {
            args.AddRange(["-e", $"{k}={v}"]);
        }

        args.Add(lang.Image);
        args.AddRange(lang.Command());
        var code = Encoding.UTF8.GetBytes(program.Unique(nonce));
        var header = Encoding.ASCII.GetBytes($"CODECUBE/1 {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))} {code.Length} 0\n");
        // The runner reads the header, the code and the (empty) arguments; the rest of stdin is the program's.
        var result = await ExecAsync("docker", [.. args], null, [.. header, .. code, .. Encoding.UTF8.GetBytes(program.Stdin)]);
        return result.Code == program.Exit && result.Stdout.Contains(program.Stdout, StringComparison.Ordinal);
    }

    /// <summary>One run through the API: completed, with the program's exact stdout and exit status.</summary>
    /// <param name="programMs">Collects the run's <c>wallMs</c>: the program's own time in the container, from the
    /// runner's start marker (after any compile) to its exit report.</param>
    public static async Task<bool> ApiAsync(HttpClient http, BenchProgram program, string code, List<double>? programMs = null)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/run", new { language = program.Language, code, stdin = program.Stdin });
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"  api: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return false;
        }

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        var ok = root.GetProperty("outcome").GetString() == "completed"
            && root.GetProperty("stdout").GetString() == program.Stdout
            && root.GetProperty("exitCode").ValueKind == JsonValueKind.Number
            && root.GetProperty("exitCode").GetInt32() == program.Exit;
        if (!ok)
        {
            Console.Error.WriteLine($"  api {program.Name}: {root}");
        }
        else if (programMs is not null)
        {
            lock (programMs)
            {
                programMs.Add(root.GetProperty("wallMs").GetDouble());
            }
        }

        return ok;
    }

    public static async Task<(int Code, string Stdout)> ExecAsync(string file, string[] args, string? cwd, byte[]? stdin)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            WorkingDirectory = cwd ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
