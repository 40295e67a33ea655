using System.Diagnostics;
using System.Text;
using CodeCube.Host.Tests.Infrastructure;

namespace CodeCube.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The built host run the way an operator runs it: its own process (`dotnet CodeCube.Host.dll`), Production
/// environment, configured only through environment variables. Its output is kept for failure messages.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string baseUrl, string metricsUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        MetricsUrl = metricsUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The host's own metrics listener (Metrics:Urls), on a free port of its own.</summary>
    public string MetricsUrl { get; }

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

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var baseUrl = $"http://127.0.0.1:{RedisServer.FreePort()}";
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CodeCube.Host.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = baseUrl;
        start.Environment["Web__PublicBaseUrl"] = baseUrl;
        start.Environment["Web__RunsPerMinutePerClient"] = "0";
        var metricsUrl = $"http://127.0.0.1:{RedisServer.FreePort()}";
        start.Environment["Metrics__Urls"] = metricsUrl;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the host did not start");
        var host = new HostProcess(process, baseUrl, metricsUrl);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitListeningAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitListeningAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Environment.TickCount64 + 60_000;
        while (true)
        {
            Assert.False(_process.HasExited, $"the host exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/api/v1/languages");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (Environment.TickCount64 < deadline)
            {
                // Not listening yet.
            }

            Assert.True(Environment.TickCount64 < deadline, $"the host never listened on {BaseUrl}:\n{Output}");
            await Task.Delay(100);
        }
    }
}
