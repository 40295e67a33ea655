using System.Threading.RateLimiting;
using CodeCube.Core.Options;
using CodeCube.Core.Running;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>Admin options (validated on start) and the admin rate limit; the endpoints are mapped by MapCodeCubeAdmin.</summary>
    public static IServiceCollection AddCodeCubeAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AdminOptions, AdminOptionsValidator>(configuration, AdminOptions.Section);
        services.AddSingleton<IValidateOptions<AdminOptions>>(new TokenSourceValidator(configuration));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, AdminRateLimitPolicy>(AdminEndpoints.Policy));
        return services;
    }

    private sealed class TokenSourceValidator(IConfiguration configuration) : IValidateOptions<AdminOptions>
    {
        public ValidateOptionsResult Validate(string? name, AdminOptions options)
        {
            var problems = AdminOptions.SourceProblems(options, configuration).ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

/// <summary>Admin calls per client address and minute (Admin:CallsPerMinute); wrong tokens count too.</summary>
internal sealed class AdminRateLimitPolicy(
    IOptions<AdminOptions> options, RunMetrics metrics, ILogger<AdminRateLimitPolicy> logger) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        metrics.RateLimited("admin");
        logger.Limited(context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var problem = Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many admin calls",
            detail: "Wait a minute and try again.");
        return new ValueTask(problem.ExecuteAsync(context.HttpContext));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.CallsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
