using System.Globalization;
using System.Net;

namespace CodeCube.Testing.Hosting;

/// <summary>
/// The built host run the way an operator runs it: its own process (`dotnet CodeCube.Host.dll`), Production
/// environment, configured only through environment variables, on 127.0.0.1 and a free port. Its output is kept
/// for failure messages and passed to <c>onOutput</c> as it comes.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Action<string>? _onOutput;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string baseUrl, string metricsUrl, Action<string>? onOutput)
    {
        _process = process;
        BaseUrl = baseUrl;
        MetricsUrl = metricsUrl;
        _onOutput = onOutput;
    }

    public string BaseUrl { get; }

    /// <summary>The host's own metrics listener (Metrics:Urls), on a free port of its own.</summary>
    public string MetricsUrl { get; }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="hostDll"/> and returns once GET /healthz answers 200 (Redis and the Docker engine
    /// reachable); a host that exits first fails at once with its output.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string hostDll, IReadOnlyDictionary<string, string> environment,
        Action<string>? onOutput = null)
    {
        var baseUrl = $"http://127.0.0.1:{Loopback.FreePort()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(hostDll)),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(hostDll));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = baseUrl;
        start.Environment["Web__PublicBaseUrl"] = baseUrl;
        // The per-client web rate limit protects a public host; a test or benchmark is one client on purpose.
        start.Environment["Web__RunsPerMinutePerClient"] = "0";
        var metricsUrl = $"http://127.0.0.1:{Loopback.FreePort()}";
        start.Environment["Metrics__Urls"] = metricsUrl;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        var host = new HostProcess(process, baseUrl, metricsUrl, onOutput);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitHealthyAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Kills the host with SIGKILL, as a crash would: no shutdown, no cleanup.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the host with SIGTERM, so it drains its work and warm pool as in production; kills it if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        await ProcessStop.TerminateAsync(_process);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        _onOutput?.Invoke(line);
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"the host exited with {_process.ExitCode}:\n{Output}");
                }

                try
                {
                    using var response = await http.GetAsync(BaseUrl + "/healthz");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false; // not listening yet
                }
            }, $"the host to answer /healthz on {BaseUrl}", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Its output:\n{Output}", e);
        }
    }
}
