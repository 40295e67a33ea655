namespace CodeCube.Testing.Hosting;

/// <summary>Starts a real server binary (redis-server, ngircd) as a child process for one test or class.</summary>
internal static class ServerProcess
{
    /// <summary>
    /// Starts it with its output drained (a chatty server must never block on a full pipe) and returns once it
    /// accepts connections on every one of <paramref name="ports"/>; a server that exits instead fails at once.
    /// </summary>
    public static async Task<Process> StartAsync(ProcessStartInfo start, params int[] ports)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var name = Path.GetFileName(start.FileName);
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited with {process.ExitCode}");
                }

                foreach (var port in ports)
                {
                    if (!await Loopback.AcceptsAsync(port))
                    {
                        return false;
                    }
                }

                return true;
            }, $"{name} to listen on {string.Join(", ", ports)}");
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        return process;
    }
}
