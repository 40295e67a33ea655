using CodeCube.Core.Contracts;
using CodeCube.Core.Moderation;
using CodeCube.Core.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>One shared multiplexer, the Redis snippet store, result cache, reply map, moderation store and a
    /// "redis" health check.</summary>
    public static IServiceCollection AddRedisStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRedisConnection(configuration);
        services.TryAddSingleton<ISnippetStore, RedisSnippetStore>();
        services.TryAddSingleton<IResultCache, RedisResultCache>();
        services.TryAddSingleton<IReplyMap, RedisReplyMap>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IModerationStore, RedisModerationStore>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }

    /// <summary>The "Redis" options and the one shared multiplexer (also all a sandbox worker needs).</summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RedisOptions, RedisOptionsValidator>(configuration, RedisOptions.Section);

        // The multiplexer is designed to be shared. AbortOnConnectFail=false lets the host start while Redis is
        // still coming up; it reconnects by itself and /healthz reports it down meanwhile.
        services.TryAddSingleton<IConnectionMultiplexer>(sp =>
        {
            var config = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration);
            config.AbortOnConnectFail = false;
            config.ClientName ??= "codecube";
            return ConnectionMultiplexer.Connect(config);
        });
        return services;
    }
}
