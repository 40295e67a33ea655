using Docker.DotNet.Models;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Tests.Unit;

public class RunContainerSpecTests
{
    private static readonly LanguageRegistry Registry = new(RepoPaths.Images);

    private static CreateContainerParameters For(string id, SandboxOptions? options = null)
    {
        options ??= new SandboxOptions();
        Assert.True(Registry.TryGetSpec(id, out var spec));
        return RunContainerSpec.Build(spec, "codecube/test:1", EffectiveLimits.For(spec, options), options, "inst-1");
    }

    [Fact]
    public void Every_container_is_hardened_by_default()
    {
        var create = For("python");
        var host = create.HostConfig;

        Assert.Equal("none", host.NetworkMode);
        Assert.True(create.NetworkDisabled);
        Assert.Equal(["ALL"], host.CapDrop);
        Assert.Equal(["no-new-privileges"], host.SecurityOpt);
        Assert.True(host.ReadonlyRootfs);
        Assert.Equal("none", host.IpcMode);
        Assert.Equal("10001:10001", create.User);
        Assert.Equal(256L * 1024 * 1024, host.Memory);
        Assert.Equal(host.Memory, host.MemorySwap);
        Assert.Equal(1_000_000_000, host.NanoCPUs);
        Assert.Equal(64, host.PidsLimit);
        Assert.True(host.Init);
        Assert.Equal("none", host.LogConfig.Type);
        Assert.False(host.AutoRemove);
        Assert.Null(host.Runtime);
        var limits = host.Ulimits.ToDictionary(u => u.Name, u => (u.Soft, u.Hard));
        Assert.Equal((256L, 256L), limits["nofile"]);
        Assert.Equal((16L * 1024 * 1024, 16L * 1024 * 1024), limits["fsize"]);
        Assert.Equal((0L, 0L), limits["core"]);
    }

    [Fact]
    public void Tmp_is_a_size_capped_noexec_tmpfs_except_for_languages_that_run_a_built_binary()
    {
        var python = For("python").HostConfig.Tmpfs["/tmp"];
        var c = For("c").HostConfig.Tmpfs["/tmp"];

        Assert.Contains("size=64m", python, StringComparison.Ordinal);
        Assert.Contains("noexec", python.Split(','));
        Assert.Contains("exec", c.Split(','));
        Assert.DoesNotContain("noexec", c.Split(','));
    }

    [Fact]
    public void Stdin_is_attached_open_and_closed_after_the_first_attach()
    {
        var create = For("python");

        Assert.True(create.OpenStdin && create.StdinOnce && create.AttachStdin);
        Assert.False(create.Tty);
    }

    [Fact]
    public void Labels_mark_the_container_as_ours_with_instance_and_language()
    {
        var labels = For("ruby").Labels;

        Assert.Equal("1", labels["codecube"]);
        Assert.Equal("inst-1", labels["codecube.instance"]);
        Assert.Equal("ruby", labels["codecube.language"]);
    }

    [Fact]
    public void The_runner_is_the_entrypoint_and_compiled_languages_pass_their_compile_step()
    {
        var go = For("go");

        Assert.Equal([RunContainerSpec.RunnerPath], go.Entrypoint);
        Assert.Equal(["--file", "main.go", "--compile", "go build -o main main.go", "--compile-timeout-ms", "30000", "--", "./main"],
            go.Cmd);
        Assert.Contains("GOCACHE=/tmp/.gocache", go.Env);
        Assert.Equal(["--file", "main.py", "--", "python3", "-u", "main.py"], For("python").Cmd);
    }

    [Fact]
    public void Manifest_limits_override_the_defaults_and_options_are_honoured()
    {
        var options = new SandboxOptions { Runtime = "runsc", Cpus = 0.5, MemoryMiB = 128 };

        var java = For("java", options).HostConfig;
        var python = For("python", options).HostConfig;

        Assert.Equal(512L * 1024 * 1024, java.Memory);
        Assert.Equal(128 + options.RunscPidsHeadroom, java.PidsLimit);
        Assert.Equal(128L * 1024 * 1024, python.Memory);
        Assert.Equal(500_000_000, python.NanoCPUs);
        Assert.Equal("runsc", python.Runtime);
    }

    [Fact]
    public void Only_gvisor_gets_pids_headroom_for_its_own_threads()
    {
        var runc = For("python", new SandboxOptions()).HostConfig;
        var runsc = For("python", new SandboxOptions { Runtime = "runsc", RunscPidsHeadroom = 100 }).HostConfig;

        Assert.Equal(64, runc.PidsLimit);
        Assert.Equal(164, runsc.PidsLimit);
    }
}
