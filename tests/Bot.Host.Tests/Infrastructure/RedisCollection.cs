namespace CodeCube.Host.Tests.Infrastructure;

/// <summary>The test classes that share one redis-server (xunit finds collection definitions only in test assemblies).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
