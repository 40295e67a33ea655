using CodeCube.Core.Contracts;
using CodeCube.Core.Moderation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>One shared multiplexer, the Redis snippet store, result cache, reply map, moderation store and a
    /// "redis" health check.</summary>
    public static IServiceCollection AddRedisStorage(this IServiceCollection services)
    {
        services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => TryParse(o.Configuration), "Redis:Configuration is not a valid StackExchange.Redis configuration string.")
            .ValidateOnStart();

        // The multiplexer is designed to be shared. AbortOnConnectFail=false lets the host start while Redis is
        // still coming up; it reconnects by itself and /healthz reports it down meanwhile.
        services.TryAddSingleton<IConnectionMultiplexer>(sp =>
        {
            var config = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration);
            config.AbortOnConnectFail = false;
            config.ClientName ??= "codecube";
            return ConnectionMultiplexer.Connect(config);
        });
        services.TryAddSingleton<ISnippetStore, RedisSnippetStore>();
        services.TryAddSingleton<IResultCache, RedisResultCache>();
        services.TryAddSingleton<IReplyMap, RedisReplyMap>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IModerationStore, RedisModerationStore>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }

    private static bool TryParse(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
