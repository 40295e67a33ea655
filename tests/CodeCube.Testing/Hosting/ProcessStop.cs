using System.Globalization;

namespace CodeCube.Testing.Hosting;

/// <summary>Stops a host or worker process the way production does (SIGTERM, so it drains), killing it if it hangs.</summary>
internal static class ProcessStop
{
    public static async Task TerminateAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(stopTimeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
