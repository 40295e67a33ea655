using StackExchange.Redis;

namespace CodeCube.Testing.Redis;

/// <summary>One throwaway redis-server (no persistence) shared by a test class or collection.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _redis;

    public RedisServer Server => _server ?? throw new InvalidOperationException("not started");

    public IConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("not started");

    public string Configuration => Server.Configuration;

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _redis = await ConnectionMultiplexer.ConnectAsync(_server.Configuration);
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server.DeleteDirectory();
        }
    }
}
