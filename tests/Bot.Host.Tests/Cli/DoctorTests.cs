using System.Globalization;
using CodeCube.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace CodeCube.Host.Tests.Cli;

/// <summary>`codecube doctor` in-process against the real Docker engine and real redis-servers.</summary>
public sealed class DoctorTests
{
    private static async Task<(int Code, string Out)> DoctorAsync(Dictionary<string, string?> settings)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(["doctor"], stdout, stderr, b => b.AddInMemoryCollection(settings), CancellationToken.None);
        return (code, stdout.ToString());
    }

    [Fact]
    public async Task A_machine_with_engine_images_and_persistent_redis_is_ready()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: true);
        try
        {
            var (code, output) = await DoctorAsync(new() { ["Redis:Configuration"] = $"127.0.0.1:{redis.Port}" });

            Assert.True(code == 0, output);
            Assert.Matches(@"\[ ok \] docker: engine \S+, API 1\.\d+", output);
            Assert.Contains("[ ok ] images: ", output, StringComparison.Ordinal);
            Assert.Contains($"[ ok ] redis: redis", output, StringComparison.Ordinal);
            Assert.Contains("[ ok ] redis persistence: append-only file on", output, StringComparison.Ordinal);
            Assert.Contains("[ ok ] public URL", output, StringComparison.Ordinal);
            Assert.EndsWith("warning(s).\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
        finally
        {
            redis.DeleteDirectory();
        }
    }

    [Fact]
    public async Task Redis_without_persistence_is_a_warning_with_the_command_to_fix_it()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: false);
        try
        {
            var (code, output) = await DoctorAsync(new() { ["Redis:Configuration"] = $"127.0.0.1:{redis.Port}" });

            Assert.True(code == 0, output);
            Assert.Contains("[warn] redis persistence: no persistence: a restart loses every snippet", output, StringComparison.Ordinal);
            Assert.Contains("CONFIG SET appendonly yes", output, StringComparison.Ordinal);
        }
        finally
        {
            redis.DeleteDirectory();
        }
    }

    [Fact]
    public async Task A_bad_configuration_lists_every_blocking_problem_with_a_fix_and_no_secret()
    {
        const string DiscordToken = "not-a-token-secret-value";
        var (code, output) = await DoctorAsync(new()
        {
            ["Sandbox:DockerEndpoint"] = "unix:///nonexistent/docker.sock",
            ["Sandbox:EngineTimeoutSeconds"] = "2",
            ["Redis:Configuration"] = $"127.0.0.1:{Loopback.FreePort()}",
            ["Web:PublicBaseUrl"] = "codecube.example.org",
            ["Discord:Token"] = DiscordToken,
            ["Slack:BotToken"] = "xoxp-user-token",
            ["Slack:AppToken"] = "xapp-1-A111-222-abc",
            ["Irc:Server"] = "irc.example.org",
            ["Irc:Nick"] = "bad nick",
        });

        Assert.Equal(CliDoctor.Blocked, code);
        foreach (var check in new[] { "docker", "redis", "public URL", "discord", "slack", "irc" })
        {
            Assert.Contains($"[FAIL] {check}: ", output, StringComparison.Ordinal);
        }

        Assert.Contains("Docker engine is not reachable at unix:///nonexistent/docker.sock", output, StringComparison.Ordinal);
        Assert.Contains("Slack:BotToken is not a bot token", output, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordToken, output, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxp-user-token", output, StringComparison.Ordinal);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("[FAIL]", StringComparison.Ordinal))
            {
                Assert.StartsWith("       fix: ", lines[i + 1], StringComparison.Ordinal);
            }
        }

        Assert.Contains("6 problem(s) block running CodeCube", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_images_are_listed_with_the_build_command()
    {
        var images = Directory.CreateTempSubdirectory("codecube-doctor-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(images, "languages.json"), """
                { "languages": [ { "id": "python", "image": "python", "extensions": [".py"], "run": ["python3", "main.py"], "file": "main.py" } ] }
                """);
            var (code, output) = await DoctorAsync(new()
            {
                ["Sandbox:ImagesDirectory"] = images,
                ["Redis:Configuration"] = $"127.0.0.1:{Loopback.FreePort()}",
            });

            Assert.Equal(CliDoctor.Blocked, code);
            Assert.Contains("[FAIL] images: no language image is built (missing: python)", output, StringComparison.Ordinal);
            Assert.Contains("fix: images/build.sh --only python", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(images, recursive: true);
        }
    }

    [Fact]
    public async Task A_runtime_the_engine_does_not_have_blocks()
    {
        var (code, output) = await DoctorAsync(new()
        {
            ["Sandbox:Runtime"] = "no-such-runtime",
            ["Redis:Configuration"] = $"127.0.0.1:{Loopback.FreePort()}",
        });

        Assert.Equal(CliDoctor.Blocked, code);
        Assert.Contains("[FAIL] runsc: Sandbox:Runtime is 'no-such-runtime' but the engine only has: ", output, StringComparison.Ordinal);
    }
}
