using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CodeCube.EndToEnd.Tests.Deploy;

/// <summary>
/// deploy/build.sh makes the image of CodeCube itself; started on the local engine (socket mounted, images/ as a
/// volume, host network) against a real redis-server, it reports healthy and answers a run. Slow (publish + image
/// build), so it runs in `./test.sh --deploy`, which CI calls after the rest.
/// </summary>
[Trait("Category", "Deploy")]
public sealed class DeployImageTests : IAsyncLifetime
{
    private readonly string _container = "codecube-deploy-test-" + Guid.NewGuid().ToString("N")[..8];
    private readonly RedisServerFixture _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public async Task DisposeAsync()
    {
        await DockerAsync("rm", "-f", _container);
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task The_image_starts_healthy_and_answers_a_run()
    {
        var root = RepoRoot();
        var (built, buildOutput) = await RunAsync(Path.Combine(root, "deploy", "build.sh"), TimeSpan.FromMinutes(15), "--tag", "codecube/host:test");
        Assert.True(built == 0, buildOutput);

        var port = Loopback.FreePort();
        var metricsPort = Loopback.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var gid = (await RunAsync("stat", TimeSpan.FromSeconds(10), "-c", "%g", "/var/run/docker.sock")).Output.Trim();
        var (started, startOutput) = await DockerAsync(
            "run", "-d", "--name", _container, "--label", "codecube.deploy-test=1", "--network", "host",
            "--group-add", gid,
            "-v", "/var/run/docker.sock:/var/run/docker.sock",
            "-v", $"{Path.Combine(root, "images")}:/srv/codecube/images:ro",
            "-e", $"Urls={baseUrl}",
            "-e", $"Metrics__Urls=http://127.0.0.1:{metricsPort}",
            "-e", $"Redis__Configuration=127.0.0.1:{_redis.Server.Port}",
            "-e", $"Web__PublicBaseUrl={baseUrl}",
            "codecube/host:test");
        Assert.True(started == 0, startOutput);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var health = await UntilHealthyAsync(http, baseUrl);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("healthy", health.GetProperty("checks").GetProperty("docker").GetProperty("status").GetString());

        var response = await http.PostAsJsonAsync($"{baseUrl}/api/v1/run", new { language = "python", code = "print(6 * 7)" });
        var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.StatusCode == HttpStatusCode.OK, run.ToString() + await LogsAsync());
        Assert.Equal("completed", run.GetProperty("outcome").GetString());
        Assert.Equal("42\n", run.GetProperty("stdout").GetString());

        // Not root inside, and the metrics listener of the image works.
        Assert.Equal("10002", (await DockerAsync("exec", _container, "id", "-u")).Output.Trim());
        Assert.Contains("codecube_runs_total", await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics"), StringComparison.Ordinal);
    }

    private async Task<JsonElement> UntilHealthyAsync(HttpClient http, string baseUrl)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"{baseUrl}/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "the container never became healthy:\n" + await LogsAsync());
            await Task.Delay(250);
        }
    }

    private async Task<string> LogsAsync() => (await DockerAsync("logs", "--tail", "50", _container)).Output;

    private static Task<(int Code, string Output)> DockerAsync(params string[] args) => RunAsync("docker", TimeSpan.FromMinutes(2), args);

    private static async Task<(int Code, string Output)> RunAsync(string file, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "deploy", "build.sh")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("deploy/build.sh not found above " + AppContext.BaseDirectory);
    }
}
