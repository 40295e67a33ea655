using Docker.DotNet;
using Docker.DotNet.Models;

namespace CodeCube.EndToEnd.Tests.Abuse;

/// <summary>
/// Counts one test's run containers on the shared engine, by the <c>codecube.instance</c> label the host under test
/// puts on them (unique per test), so other users' containers are never counted or touched.
/// </summary>
internal sealed class EngineContainers(string instanceId, string endpoint = "unix:///var/run/docker.sock") : IDisposable
{
    private readonly DockerClient _client = new DockerClientConfiguration(new Uri(endpoint)).CreateClient();

    public string Label => $"codecube.instance={instanceId}";

    public async Task<int> CountAsync()
    {
        var list = await _client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [Label] = true } },
        });
        return list.Count;
    }

    /// <summary>
    /// The most containers that existed at once between <paramref name="since"/> and <paramref name="until"/>, from
    /// the engine's own create/destroy events: exact, unlike sampling a listing.
    /// </summary>
    public async Task<int> PeakAsync(DateTimeOffset since, DateTimeOffset until)
    {
        var actions = new List<string>();
        await _client.System.MonitorEventsAsync(
            new ContainerEventsParameters
            {
                Since = since.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                Until = (until.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["type"] = new Dictionary<string, bool> { ["container"] = true },
                    ["label"] = new Dictionary<string, bool> { [Label] = true },
                },
            },
            new SyncProgress(m => actions.Add(m.Action)));
        int now = 0, peak = 0;
        foreach (var action in actions)
        {
            now += action switch { "create" => 1, "destroy" => -1, _ => 0 };
            peak = Math.Max(peak, now);
        }

        return peak;
    }

    public void Dispose() => _client.Dispose();

    private sealed class SyncProgress(Action<Message> report) : IProgress<Message>
    {
        public void Report(Message value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
