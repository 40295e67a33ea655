using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CodeCube.Testing.Hosting;

namespace CodeCube.Bench;

/// <summary>
/// A CodeCube host started for one scenario, so its peak memory belongs to that scenario alone. It counts the runs
/// its sandbox logs as warm (a pooled container) or cold, and labels its containers with an instance id of its own.
/// </summary>
internal sealed partial class BenchHost : IAsyncDisposable
{
    /// <summary>How many users the benchmark's requests come from, each from a loopback address of its own.</summary>
    private const int Users = 64;

    private readonly List<HttpClient> _users = [];
    private HostProcess? _process;
    private int _nextUser;
    private long _warm;
    private long _cold;

    private BenchHost(string instanceId)
    {
        InstanceId = instanceId;
    }

    /// <summary>One user, from 127.0.0.1: the same person sending run after run.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>
    /// The next of many users, each connecting from its own address in 127.0.0.0/8 (all of it is loopback), as
    /// the public sees the host: one address may have only a few runs at once, so a benchmark that sends runs in
    /// parallel must come from as many people as a real crowd would, not from one.
    /// </summary>
    public HttpClient NextUser() => _users[(int)((uint)Interlocked.Increment(ref _nextUser) % Users)];

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
        for (var i = 0; i < Users; i++)
        {
            host._users.Add(new HttpClient(From(IPAddress.Parse($"127.0.0.{i + 2}")))
            {
                BaseAddress = host.Http.BaseAddress,
                Timeout = host.Http.Timeout,
            });
        }

        return host;
    }

    private static SocketsHttpHandler From(IPAddress local) => new()
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

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
        _users.ForEach(u => u.Dispose());
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    [GeneratedRegex(@"Ran \S+ in \S+ \((warm|cold)\)")]
    private static partial Regex RunLine();
}
