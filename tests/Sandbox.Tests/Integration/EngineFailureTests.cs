using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>When the sandbox cannot run at all, the run says why at once instead of hanging or throwing.</summary>
public sealed class EngineFailureTests : IDisposable
{
    private readonly ImagesCopy images = new();

    public void Dispose() => images.Dispose();

    private ISandbox Build(string endpoint) =>
        TestServices.Build(new Dictionary<string, string?>
        {
            ["Sandbox:DockerEndpoint"] = endpoint,
            ["Sandbox:EngineTimeout"] = "00:00:05",
        }, (services, configuration) => services
            // Registered first so it wins over CODECUBE_IMAGES_DIR, which the environment may set for the other tests.
            .AddSingleton(new LanguageRegistry(images.Path))
            .AddDockerSandbox(configuration)).GetRequiredService<ISandbox>();

    private void WriteLock(string pythonImage) => images.WriteLock($$"""
        { "languages": { "python": { "image": "{{pythonImage}}", "version": "3", "digest": "sha256:0" } } }
        """);

    [Fact]
    public async Task An_unreachable_engine_is_a_short_sandbox_error_that_never_names_the_endpoint()
    {
        WriteLock("codecube/python:any");
        var sandbox = Build("unix:///tmp/codecube-no-such-engine.sock");

        var result = await sandbox.RunAsync(new RunRequest("python", "print(1)"), null, CancellationToken.None);

        Assert.Equal(RunOutcome.SandboxError, result.Outcome);
        // The address and the daemon's words go to the log; a snippet is public.
        Assert.Equal("the sandbox is unavailable right now; try again in a minute", result.Detail);
        Assert.Equal("python", result.Language);
    }

    [Fact]
    public async Task A_missing_image_is_a_sandbox_error_that_says_the_language_is_not_installed()
    {
        WriteLock("codecube/python:no-such-tag-" + Guid.NewGuid().ToString("N")[..8]);
        var sandbox = Build("unix:///var/run/docker.sock");

        var result = await sandbox.RunAsync(new RunRequest("python", "print(1)"), null, CancellationToken.None);

        Assert.Equal(RunOutcome.SandboxError, result.Outcome);
        Assert.Equal("python is not installed on this server right now", result.Detail);
    }

    [Fact]
    public async Task A_language_not_in_the_lock_is_a_sandbox_error_that_says_it_is_not_installed()
    {
        var sandbox = Build("unix:///var/run/docker.sock");

        var result = await sandbox.RunAsync(new RunRequest("ruby", "puts 1"), null, CancellationToken.None);

        Assert.Equal(RunOutcome.SandboxError, result.Outcome);
        Assert.Equal("ruby is not installed on this server right now", result.Detail);
    }

    [Fact]
    public async Task Code_and_stdin_over_their_limits_are_refused_before_any_container_starts()
    {
        WriteLock("codecube/python:any");
        var sandbox = Build("unix:///tmp/codecube-no-such-engine.sock");

        var code = await sandbox.RunAsync(new RunRequest("python", new string('#', 64 * 1024 + 1)), null, CancellationToken.None);
        var stdin = await sandbox.RunAsync(new RunRequest("python", "", new string('s', 64 * 1024 + 1)), null, CancellationToken.None);

        // The defaults of the one InputLimits section, which the chat pipeline and the web API check too.
        Assert.Equal("the code is larger than 64 KiB", code.Detail);
        Assert.Equal("stdin is larger than 64 KiB", stdin.Detail);
    }
}
