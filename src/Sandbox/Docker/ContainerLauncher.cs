using Docker.DotNet;
using CodeCube.Sandbox.Languages;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Docker;

/// <summary>Create → attach → start a hardened container for one language, and remove it afterwards.</summary>
internal sealed class ContainerLauncher(
    DockerEngine engine, SandboxInstance instance, IOptions<SandboxOptions> options, TimeProvider time)
{
    // How long a removal the engine is still doing may be waited for after the call itself gave up.
    private static readonly TimeSpan RemovalWait = TimeSpan.FromSeconds(30);

    public async Task<StartedContainer> LaunchAsync(LanguageSpec language, CancellationToken ct, bool pooled = false)
    {
        var image = language.Image ?? throw new SandboxFailure(
            $"image {language.ExpectedImage} for {language.Id} is missing: run images/build.sh", null, NotInstalled(language));
        var limits = EffectiveLimits.For(language, options.Value);
        var create = RunContainerSpec.Build(language, image, limits, options.Value, instance.Id, pooled);

        string id;
        try
        {
            // Not the caller's token: the engine finishes a create whether or not the client stays, so a create given up
            // mid-request would leave a container whose id nobody knows. Bounded by the engine timeout instead; a caller
            // that left meanwhile is seen just below, and the container goes.
            id = await engine.CallAsync(t => engine.Api.CreateAsync(create, t), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (DockerEngine.IsNotFound(e))
        {
            throw new SandboxFailure($"image {image} is missing: run images/build.sh", e, NotInstalled(language));
        }

        instance.Track(id);
        try
        {
            ct.ThrowIfCancellationRequested();
            var attach = new ContainerAttachParameters { Stdin = true, Stdout = true, Stderr = true, Stream = true };
            var stream = await engine.CallAsync(
                t => engine.Client.Containers.AttachContainerAsync(id, false, attach, t), ct).ConfigureAwait(false);
            try
            {
                await engine.CallAsync(t => engine.Api.StartAsync(id, t), ct).ConfigureAwait(false);
            }
            catch
            {
                stream.Dispose();
                throw;
            }

            return new StartedContainer(id, stream, language, limits, time.GetTimestamp());
        }
        catch
        {
            await RemoveAsync(id).ConfigureAwait(false);
            throw;
        }
    }

    private static string NotInstalled(LanguageSpec language) =>
        $"{language.Id} is not installed on this server right now";

    /// <summary>Force-removes a container; never throws and ignores the caller's cancellation on purpose.</summary>
    public async Task RemoveAsync(string id)
    {
        try
        {
            await engine.CallAsync(t => engine.Api.RemoveAsync(id, t), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (DockerEngine.IsNotFound(e))
        {
            // Already gone.
        }
        catch (Exception e) when (e is SandboxFailure or DockerApiException)
        {
            // A removal already under way (409) or slower than the call timeout on a loaded engine goes on in the
            // engine: wait for its end, so whoever awaits this (shutdown's drain) does not leave a container half
            // removed. An engine that is away answers at once; the reaper removes what is left by its labels.
            await WaitRemovedAsync(id).ConfigureAwait(false);
        }
        finally
        {
            instance.Forget(id);
        }
    }

    private async Task WaitRemovedAsync(string id)
    {
        using var bound = new CancellationTokenSource(RemovalWait, time);
        try
        {
            await engine.Api.WaitRemovedAsync(id, bound.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or DockerApiException or HttpRequestException or IOException
            or System.Net.Sockets.SocketException)
        {
            // Gone (404), still there after the bound, or the engine is away: nothing more to do here.
        }
    }

    public async Task RemoveAsync(StartedContainer container)
    {
        container.Stream.Dispose();
        await RemoveAsync(container.Id).ConfigureAwait(false);
    }
}
