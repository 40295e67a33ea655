using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Options;

/// <summary>
/// The one way every options class is registered: bound from its section, checked by its
/// <c>[OptionsValidator]</c>-generated validator (data annotations, plus <c>IValidatableObject</c> for rules across
/// keys), validated on start, with renamed keys still read. Every failure names the full configuration key
/// ("Sandbox:MemoryMiB", "Irc:Channels:0:Name").
/// </summary>
/// <remarks>
/// The configuration is passed in rather than taken from the container (<c>BindConfiguration</c>) because the
/// adapters decide from it whether to register at all, and the CLI and tests build providers without registering an
/// <see cref="IConfiguration"/>. Registering the same options twice (the input limits are needed by the pipeline, the
/// web API and the sandbox) is a no-op.
/// </remarks>
public static partial class OptionsRegistration
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(
        this IServiceCollection services, IConfiguration configuration, string section, params IReadOnlyList<RenamedKey> renamedKeys)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOptions<TOptions>();
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && d.ImplementationInstance is KeyNamingValidator<TOptions>))
        {
            return builder;
        }

        builder.Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new KeyNamingValidator<TOptions>(section, new TValidator()));
        if (renamedKeys.Count > 0)
        {
            // After Bind, so a value read from an old key lands on top of the defaults.
            services.AddSingleton<IConfigureOptions<TOptions>>(sp => new RenamedKeysConfigurer<TOptions>(
                configuration, section, renamedKeys,
                sp.GetService<ILogger<RenamedKey>>() ?? NullLogger<RenamedKey>.Instance));
        }

        return builder;
    }

    /// <summary>
    /// The single size limit on what a run may carry (<see cref="InputLimitsOptions"/>), shared by the chat pipeline,
    /// the web API and the sandbox; the old per-component keys are still read.
    /// </summary>
    public static IServiceCollection AddInputLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<InputLimitsOptions, InputLimitsOptionsValidator>(configuration, InputLimitsOptions.Section,
            InputLimitsOptions.RenamedKeys);
        return services;
    }

    /// <summary>
    /// The generated validator names a member "Section.Member" (nested: "Section.Pool.Size", items:
    /// "Section.Channels[0]"), given the section as the options name, and prefixes each message with the bare member
    /// name. This turns both into the configuration key an operator has to fix.
    /// </summary>
    private sealed class KeyNamingValidator<TOptions>(string section, IValidateOptions<TOptions> generated)
        : IValidateOptions<TOptions>
        where TOptions : class
    {
        private readonly Regex _path = new($@"(?<![\w:]){Regex.Escape(section)}((?:\.\w+|\[\d+\])+)", RegexOptions.CultureInvariant);

        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (name is not null && name != Microsoft.Extensions.Options.Options.DefaultName)
            {
                return ValidateOptionsResult.Skip;
            }

            var result = generated.Validate(section, options);
            if (!result.Failed)
            {
                return result;
            }

            return ValidateOptionsResult.Fail(result.Failures!.Select(failure =>
                _path.Replace(MemberPrefix().Replace(failure, ""), m => section + ToKey(m.Groups[1].Value))));
        }

        private static string ToKey(string memberPath) =>
            memberPath.Replace("[", ":", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
                .Replace('.', ':');
    }

    // "MemoryMiB: " or "Size, Languages: " in front of an attribute's message; rules written as IValidatableObject
    // return their message without member names, so they carry no such prefix.
    [GeneratedRegex(@"^\w+(?:, \w+)*: ", RegexOptions.CultureInvariant)]
    private static partial Regex MemberPrefix();
}
