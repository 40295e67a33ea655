using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace CodeCube.Sandbox.Docker;

/// <summary>A container as the engine lists it: what the reaper needs.</summary>
internal sealed record ListedContainer(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("Created")] long CreatedUnixSeconds,
    [property: JsonPropertyName("Labels")] Dictionary<string, string>? Labels)
{
    [JsonIgnore]
    public DateTimeOffset Created => DateTimeOffset.FromUnixTimeSeconds(CreatedUnixSeconds);
}

/// <summary>How a container ended, from inspect.</summary>
internal sealed record ExitState(
    [property: JsonPropertyName("OOMKilled")] bool OomKilled,
    [property: JsonPropertyName("ExitCode")] long ExitCode);

/// <summary>
/// The engine's endpoints we call on every run (and the health check's ping) over one pooled
/// <see cref="HttpClient"/>: every call reuses a kept-alive connection instead of opening a socket of its own
/// (Docker.DotNet's unix transport connects per call). Attach is not here: it takes over its connection for the
/// container's stdin and output, so it keeps Docker.DotNet's; so do the doctor's rich version and info reports.
/// Errors are <see cref="DockerApiException"/>, as from Docker.DotNet, so callers handle both alike.
/// </summary>
internal sealed class EngineApi(HttpClient http)
{
    public async Task<string> CreateAsync(CreateContainerParameters create, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("containers/create", create, EngineJson.Options, ct).ConfigureAwait(false);
        await EnsureAsync(response, ct).ConfigureAwait(false);
        var created = await response.Content.ReadFromJsonAsync<Created>(EngineJson.Options, ct).ConfigureAwait(false);
        return created?.Id ?? throw new DockerApiException(response.StatusCode, "create answered without an id");
    }

    public Task StartAsync(string id, CancellationToken ct) => SendAsync(HttpMethod.Post, $"containers/{id}/start", ct);

    public Task KillAsync(string id, CancellationToken ct) => SendAsync(HttpMethod.Post, $"containers/{id}/kill?signal=KILL", ct);

    public Task RemoveAsync(string id, CancellationToken ct) => SendAsync(HttpMethod.Delete, $"containers/{id}?force=true", ct);

    /// <summary>Returns once the container is gone (404 if it already is).</summary>
    public Task WaitRemovedAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"containers/{id}/wait?condition=removed", ct);

    /// <summary>Returns once the container has exited (at once if it already has).</summary>
    public Task WaitAsync(string id, CancellationToken ct) => SendAsync(HttpMethod.Post, $"containers/{id}/wait", ct);

    public async Task<ExitState> InspectExitAsync(string id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"containers/{id}/json", ct).ConfigureAwait(false);
        await EnsureAsync(response, ct).ConfigureAwait(false);
        var inspected = await response.Content.ReadFromJsonAsync<Inspected>(EngineJson.Options, ct).ConfigureAwait(false);
        return inspected?.State ?? throw new DockerApiException(response.StatusCode, "inspect answered without a state");
    }

    /// <summary>All containers (running or not) carrying every one of <paramref name="labels"/> ("key=value").</summary>
    public async Task<IReadOnlyList<ListedContainer>> ListAsync(IEnumerable<string> labels, CancellationToken ct)
    {
        var filters = Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [.. labels] }));
        using var response = await http.GetAsync($"containers/json?all=true&filters={filters}", ct).ConfigureAwait(false);
        await EnsureAsync(response, ct).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<List<ListedContainer>>(EngineJson.Options, ct).ConfigureAwait(false) ?? [];
    }

    public Task PingAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "_ping", ct);

    /// <summary>Throws <see cref="DockerApiException"/> (404) when the engine does not have the image.</summary>
    public Task InspectImageAsync(string image, CancellationToken ct) => SendAsync(HttpMethod.Get, $"images/{image}/json", ct);

    private async Task SendAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
        await EnsureAsync(response, ct).ConfigureAwait(false);
        // Read to the end, so the connection goes back to the pool clean.
        await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        // 304: started or killed already, which is what the caller wanted.
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified)
        {
            throw new DockerApiException(response.StatusCode, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
        }
    }

    private sealed record Created([property: JsonPropertyName("Id")] string? Id);

    private sealed record Inspected([property: JsonPropertyName("State")] ExitState? State);
}
