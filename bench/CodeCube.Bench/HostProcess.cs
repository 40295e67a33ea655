using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CodeCube.Bench;

/// <summary>
/// A CodeCube host started for one scenario, so its peak memory belongs to that scenario alone. It counts the runs
/// its sandbox logs as warm (a pooled container) or cold.
/// </summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private long warm;
    private long cold;

    public (long Warm, long Cold) Starts => (Interlocked.Read(ref warm), Interlocked.Read(ref cold));

    public HttpClient Http { get; }

    public int Pid => process.Id;

    /// <summary>The <c>codecube.instance</c> label of this host's containers.</summary>
    public string InstanceId { get; private init; } = "";

    private HostProcess(Process process, HttpClient http)
    {
        this.process = process;
        Http = http;
    }

    /// <param name="settings">Environment on top of the shipped defaults (none: the defaults as shipped).</param>
    public static async Task<HostProcess> StartAsync(string hostDll, string redis, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(hostDll);
        psi.Environment["Urls"] = $"http://127.0.0.1:{port}";
        psi.Environment["Redis__Configuration"] = redis;
        var instance = $"bench-{Environment.ProcessId}-{port}";
        psi.Environment["Sandbox__InstanceId"] = instance;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__LogLevel__CodeCube.Sandbox.Docker.DockerSandbox"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        // The per-client web rate limit protects a public host; the benchmark is one client on purpose.
        psi.Environment["Web__RunsPerMinutePerClient"] = "0";
        var process = Process.Start(psi)!;
        HostProcess? self = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (self is not null && e.Data is not null && RunLine().Match(e.Data) is { Success: true } m)
            {
                Interlocked.Increment(ref m.Groups[1].Value == "warm" ? ref self.warm : ref self.cold);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  host: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };
        var host = self = new HostProcess(process, http) { InstanceId = instance };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var r = await http.GetAsync("/healthz");
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"host exited with {process.ExitCode}");
            }

            await Task.Delay(250);
        }

        await host.DisposeAsync();
        throw new TimeoutException("host did not answer /healthz within 90 s");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            // SIGTERM lets the host drain its warm pool; kill only if it does not stop.
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Ran \S+ in \S+ \((warm|cold)\)")]
    private static partial System.Text.RegularExpressions.Regex RunLine();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
