using CodeCube.Core.Chat;
using CodeCube.Core.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters;

/// <summary>The registration every adapter shares: nothing at all unless its section is configured.</summary>
internal static class AdapterRegistration
{
    /// <summary>
    /// When any of <paramref name="enabledBy"/> has a value in <paramref name="section"/>: binds and validates the
    /// adapter's options (start fails naming the key, see <see cref="OptionsRegistration"/>), adds the shared clock
    /// and the adapter's own <paramref name="parts"/>, and registers <typeparamref name="TAdapter"/> as itself (for
    /// its extras) and, the same instance, as an <see cref="IChatAdapter"/>. Otherwise a host starts without it.
    /// </summary>
    public static IServiceCollection AddAdapter<TOptions, TValidator, TAdapter>(
        this IServiceCollection services, IConfiguration configuration, string section, string[] enabledBy,
        Action<IServiceCollection> parts, params IReadOnlyList<RenamedKey> renamedKeys)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
        where TAdapter : class, IChatAdapter
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(parts);
        var settings = configuration.GetSection(section);
        if (enabledBy.All(key => string.IsNullOrWhiteSpace(settings[key])))
        {
            return services;
        }

        services.AddValidatedOptions<TOptions, TValidator>(configuration, section, renamedKeys);
        services.TryAddSingleton(TimeProvider.System);
        parts(services);
        services.TryAddSingleton<TAdapter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatAdapter, TAdapter>(sp => sp.GetRequiredService<TAdapter>()));
        return services;
    }
}
