using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CodeCube.Bench;

/// <summary>A CodeCube host started for one scenario, so its peak memory belongs to that scenario alone.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;

    public HttpClient Http { get; }

    public int Pid => process.Id;

    private HostProcess(Process process, HttpClient http)
    {
        this.process = process;
        Http = http;
    }

    public static async Task<HostProcess> StartAsync(string hostDll, string redis, int poolSize)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(hostDll);
        psi.Environment["Urls"] = $"http://127.0.0.1:{port}";
        psi.Environment["Redis__Configuration"] = redis;
        psi.Environment["Sandbox__Pool__Size"] = poolSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        // The per-client web rate limit protects a public host; the benchmark is one client on purpose.
        psi.Environment["Web__RunsPerMinutePerClient"] = "0";
        psi.Environment["Metrics__Urls"] = "";
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
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
        var host = new HostProcess(process, http);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var r = await http.GetAsync("/healthz");
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    // Give a warm pool time to fill before anything is measured.
                    await Task.Delay(poolSize > 0 ? TimeSpan.FromSeconds(8) : TimeSpan.Zero);
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
