using System.Diagnostics;
using System.Text.Json;

namespace CodeCube.EndToEnd.Tests.Abuse;

/// <summary>
/// A dockerd of the test's own (own socket, data-root, exec-root, no bridge, no iptables), so the test can stop and
/// restart an engine without touching the shared one other tests are using. Images are copied in with
/// <c>docker save | docker load</c>. It runs in a network namespace of its own (<c>unshare --net</c>): a dockerd
/// started with <c>--bridge none</c> deletes any <c>docker0</c> it sees, which would take the shared engine's
/// default bridge away (builds and bridged containers fail until it is recreated).
/// </summary>
internal sealed class PrivateDockerd : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ccdd-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _daemon;

    public string Socket => Path.Combine(_root, "d.sock");

    public string Endpoint => "unix://" + Socket;

    public static async Task<PrivateDockerd> StartAsync(params string[] images)
    {
        var dockerd = new PrivateDockerd();
        Directory.CreateDirectory(dockerd._root);
        await dockerd.StartDaemonAsync();
        foreach (var image in images)
        {
            await Shell($"docker save {image} | docker -H {dockerd.Endpoint} load");
        }

        return dockerd;
    }

    /// <summary>Stops the engine the way a service manager does (SIGTERM, wait for exit).</summary>
    public async Task StopAsync()
    {
        if (_daemon is { HasExited: false } daemon)
        {
            await Shell($"kill -TERM {daemon.Id}");
            await daemon.WaitForExitAsync();
        }

        _daemon?.Dispose();
        _daemon = null;
    }

    public Task StartAgainAsync() => StartDaemonAsync();

    /// <summary>The image the host will run for <paramref name="language"/>, from the build lock.</summary>
    public static string ImageOf(string language)
    {
        var dir = Environment.GetEnvironmentVariable("CODECUBE_IMAGES_DIR");
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); dir is null && d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "images", ".build", "images.json")))
            {
                dir = Path.Combine(d.FullName, "images");
            }
        }

        Assert.NotNull(dir);
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, ".build", "images.json")));
        return lockFile.RootElement.GetProperty("languages").GetProperty(language).GetProperty("image").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A mount the daemon left behind; the temp folder is cleaned with the machine.
        }
    }

    private async Task StartDaemonAsync()
    {
        var start = new ProcessStartInfo("unshare")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--net", "--", "dockerd", "--host", Endpoint, "--data-root", Path.Combine(_root, "data"), "--exec-root", Path.Combine(_root, "x"),
            "--pidfile", Path.Combine(_root, "d.pid"), "--bridge", "none", "--iptables=false", "--ip6tables=false",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _daemon = Process.Start(start)!;
        _daemon.OutputDataReceived += (_, _) => { };
        _daemon.ErrorDataReceived += (_, _) => { };
        _daemon.BeginOutputReadLine();
        _daemon.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!await TryShell($"docker -H {Endpoint} version --format '{{{{.Server.Version}}}}'"))
        {
            Assert.False(_daemon.HasExited, "the private dockerd exited at start");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the private dockerd never answered");
            await Task.Delay(100);
        }
    }

    private static async Task Shell(string command) =>
        Assert.True(await TryShell(command), $"failed: {command}");

    private static async Task<bool> TryShell(string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        await drain;
        return process.ExitCode == 0;
    }
}
