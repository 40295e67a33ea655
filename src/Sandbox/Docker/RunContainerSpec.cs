using System.Globalization;
using CodeCube.Sandbox.Languages;
using Docker.DotNet.Models;

namespace CodeCube.Sandbox.Docker;

/// <summary>Builds the hardened create request for one run container.</summary>
internal static class RunContainerSpec
{
    public const string Label = "codecube";
    public const string InstanceLabel = "codecube.instance";
    public const string LanguageLabel = "codecube.language";
    public const string PooledLabel = "codecube.pooled";
    public const int OomScoreAdj = 1000;
    public const string RunnerPath = "/usr/local/bin/codecube-runner";

    public static CreateContainerParameters Build(
        LanguageSpec language, string image, EffectiveLimits limits, SandboxOptions options, string instanceId,
        bool pooled = false)
    {
        var manifest = language.Manifest;
        var cmd = new List<string> { "--file", manifest.File };
        if (manifest.Compile is { } compile)
        {
            cmd.AddRange(["--compile", compile, "--compile-timeout-ms",
                limits.CompileTimeoutMs.ToString(CultureInfo.InvariantCulture)]);
        }

        cmd.Add("--");
        cmd.AddRange(manifest.Run);

        var tmpfs = $"rw,nosuid,nodev,size={options.TmpfsMiB}m,mode=1777" + (manifest.TmpfsExec ? ",exec" : ",noexec");
        var fileSize = options.FileSizeMiB * 1024L * 1024L;
        var host = new HostConfig
        {
            NetworkMode = options.NetworkMode,
            CapDrop = ["ALL"],
            SecurityOpt = ["no-new-privileges"],
            ReadonlyRootfs = true,
            Tmpfs = new Dictionary<string, string> { ["/tmp"] = tmpfs },
            IpcMode = "none",
            Memory = limits.MemoryBytes,
            MemorySwap = limits.MemoryBytes,
            NanoCPUs = limits.NanoCpus,
            PidsLimit = limits.PidsLimit + (options.Runtime == "runsc" ? options.RunscPidsHeadroom : 0),
            Ulimits =
            [
                new Ulimit { Name = "nofile", Soft = options.NoFileLimit, Hard = options.NoFileLimit },
                new Ulimit { Name = "fsize", Soft = fileSize, Hard = fileSize },
                new Ulimit { Name = "core", Soft = 0, Hard = 0 },
            ],
            Init = true,
            // Under memory pressure the kernel kills a run container before the host or the engine.
            OomScoreAdj = OomScoreAdj,
            LogConfig = new LogConfig { Type = "none" },
            AutoRemove = false,
            Runtime = string.IsNullOrWhiteSpace(options.Runtime) ? null : options.Runtime,
        };

        return new CreateContainerParameters
        {
            Image = image,
            Cmd = cmd,
            // The runner is the entrypoint whatever the image says, so the protocol always holds.
            Entrypoint = [RunnerPath],
            User = options.User,
            WorkingDir = "/tmp",
            Env = (manifest.Env ?? new Dictionary<string, string>()).Select(kv => $"{kv.Key}={kv.Value}").ToList(),
            AttachStdin = true,
            AttachStdout = true,
            AttachStderr = true,
            OpenStdin = true,
            StdinOnce = true,
            Tty = false,
            NetworkDisabled = options.NetworkMode == "none",
            Labels = new Dictionary<string, string>
            {
                [Label] = "1",
                [InstanceLabel] = instanceId,
                [HostLease.Label] = HostLease.Current,
                [LanguageLabel] = language.Id,
                [PooledLabel] = pooled ? "1" : "0",
            },
            HostConfig = host,
        };
    }
}
