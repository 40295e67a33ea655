namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// The sandbox under its own instance label talking to the real engine through an <see cref="EngineTap"/>, so a test
/// can count or hold its engine calls. Disposing it drains the sandbox and fails if a container was left behind.
/// </summary>
internal sealed class TappedSandbox : IAsyncDisposable
{
    private readonly string instanceId = TestSandbox.NewInstanceId("tap");

    /// <param name="settings">"Sandbox:..." settings on top of the defaults.</param>
    /// <param name="configure">Services registered before the sandbox's own.</param>
    public TappedSandbox(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? configure = null)
    {
        var all = TestSandbox.Settings(instanceId);
        all["Sandbox:DockerEndpoint"] = Tap.Endpoint;
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        Services = TestServices.Build(all, (services, configuration) =>
        {
            configure?.Invoke(services);
            services.AddDockerSandbox(configuration);
        });
    }

    public EngineTap Tap { get; } = new();

    public ServiceProvider Services { get; }

    public ISandbox Sandbox => Services.GetRequiredService<ISandbox>();

    public async ValueTask DisposeAsync()
    {
        Tap.Release();
        await Services.DisposeAsync();
        await Tap.DisposeAsync();
        Assert.Empty(await TestSandbox.ContainersAsync(instanceId));
    }
}
