using CodeCube.Core.Chat;
using CodeCube.Core.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters;

/// <summary>The registration shape every adapter shares: nothing unless its section is configured.</summary>
internal static class AdapterRegistration
{
    /// <summary>
    /// When <paramref name="enabled"/> says the section is configured: binds and validates the adapter's options
    /// (failing start with the key named, see <see cref="OptionsRegistration"/>), adds the shared clock and returns
    /// true. Otherwise registers nothing, so a host without that platform starts without it.
    /// </summary>
    public static bool TryAddAdapterOptions<TOptions, TValidator>(
        this IServiceCollection services, IConfiguration configuration, string section,
        Func<IConfigurationSection, bool> enabled, params IReadOnlyList<RenamedKey> renamedKeys)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!enabled(configuration.GetSection(section)))
        {
            return false;
        }

        services.AddValidatedOptions<TOptions, TValidator>(configuration, section, renamedKeys);
        services.TryAddSingleton(TimeProvider.System);
        return true;
    }

    /// <summary>The adapter as itself (tests and hosts reach its extras) and, the same instance, as an IChatAdapter.</summary>
    public static IServiceCollection AddChatAdapter<TAdapter>(this IServiceCollection services)
        where TAdapter : class, IChatAdapter
    {
        services.TryAddSingleton<TAdapter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatAdapter, TAdapter>(sp => sp.GetRequiredService<TAdapter>()));
        return services;
    }

    /// <summary>True when any of <paramref name="keys"/> has a non-blank value in the section.</summary>
    public static Func<IConfigurationSection, bool> AnyOf(params string[] keys) =>
        section => keys.Any(key => !string.IsNullOrWhiteSpace(section[key]));
}
