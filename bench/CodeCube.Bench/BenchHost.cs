using System.Globalization;
using CodeCube.Testing.Hosting;

namespace CodeCube.Bench;

/// <summary>A CodeCube host started for one scenario, so its peak memory belongs to that scenario alone.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly HostProcess process;

    private BenchHost(HostProcess process)
    {
        this.process = process;
        Http = new HttpClient { BaseAddress = new Uri(process.BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
    }

    public HttpClient Http { get; }

    public int Pid => process.Pid;

    public static async Task<BenchHost> StartAsync(string hostDll, string redis, int poolSize)
    {
        var process = await HostProcess.StartAsync(hostDll, new Dictionary<string, string>
        {
            ["Redis__Configuration"] = redis,
            ["Sandbox__Pool__Size"] = poolSize.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        }, line => Console.Error.WriteLine($"  host: {line}"));
        if (poolSize > 0)
        {
            // Give a warm pool time to fill before anything is measured.
            await Task.Delay(TimeSpan.FromSeconds(8));
        }

        return new BenchHost(process);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await process.DisposeAsync();
    }
}
