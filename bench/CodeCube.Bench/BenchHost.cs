using System.Text.RegularExpressions;
using CodeCube.Testing.Hosting;

namespace CodeCube.Bench;

/// <summary>
/// A CodeCube host started for one scenario, so its peak memory belongs to that scenario alone. It counts the runs
/// its sandbox logs as warm (a pooled container) or cold, and labels its containers with an instance id of its own.
/// </summary>
internal sealed partial class BenchHost : IAsyncDisposable
{
    private HostProcess? _process;
    private long _warm;
    private long _cold;

    private BenchHost(string instanceId)
    {
        InstanceId = instanceId;
    }

    public HttpClient Http { get; private set; } = null!;

    public int Pid => _process!.Pid;

    /// <summary>The <c>codecube.instance</c> label of this host's containers.</summary>
    public string InstanceId { get; }

    public (long Warm, long Cold) Starts => (Interlocked.Read(ref _warm), Interlocked.Read(ref _cold));

    /// <param name="settings">Environment on top of the shipped defaults (none: the defaults as shipped).</param>
    public static async Task<BenchHost> StartAsync(string hostDll, string redis, IDictionary<string, string>? settings = null)
    {
        var host = new BenchHost($"bench-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        var environment = new Dictionary<string, string>
        {
            ["Redis__Configuration"] = redis,
            ["Sandbox__InstanceId"] = host.InstanceId,
            ["Logging__LogLevel__Default"] = "Warning",
            // The sandbox's one line per run says whether the container came from the pool.
            ["Logging__LogLevel__CodeCube.Sandbox.Docker.DockerSandbox"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        host._process = await HostProcess.StartAsync(hostDll, environment, host.Observe);
        host.Http = new HttpClient { BaseAddress = new Uri(host._process.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
        return host;
    }

    private void Observe(string line)
    {
        if (RunLine().Match(line) is { Success: true } m)
        {
            Interlocked.Increment(ref m.Groups[1].Value == "warm" ? ref _warm : ref _cold);
        }
        else if (!line.StartsWith("info:", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"  host: {line}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    [GeneratedRegex(@"Ran \S+ in \S+ \((warm|cold)\)")]
    private static partial Regex RunLine();
}
