using System.Globalization;

namespace CodeCube.Testing.Hosting;

/// <summary>
/// `dotnet CodeCube.Host.dll worker` as its own process, configured through environment variables, the way a worker
/// machine runs it. It has no port: a test sees it come up through the host's /api/v1/workers.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

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

    public static WorkerProcess Start(string hostDll, IReadOnlyDictionary<string, string> environment, Action<string>? onOutput = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(hostDll)),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(hostDll));
        start.ArgumentList.Add("worker");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the worker did not start");
        var worker = new WorkerProcess(process);
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (worker._output)
            {
                worker._output.AppendLine(line);
            }

            onOutput?.Invoke(line);
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL: the worker dies mid-run, leaving its runs pending and its containers behind.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessStop.TerminateAsync(_process);
        _process.Dispose();
    }
}
