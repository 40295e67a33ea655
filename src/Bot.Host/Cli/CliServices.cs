using CodeCube.Sandbox;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Cli;

/// <summary>A plain service provider with just what the CLI needs: configuration, logging and the sandbox.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(Action<IConfigurationBuilder>? configure) => Build(Configuration(configure));

    /// <summary>appsettings.json next to the binaries, then environment variables, then <paramref name="configure"/>.</summary>
    public static IConfigurationRoot Configuration(Action<IConfigurationBuilder>? configure)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        configure?.Invoke(builder);
        return builder.Build();
    }

    public static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);

        // The CLI prints the program's output and nothing else; engine trouble shows up as the run's detail.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.None));
        services.AddDockerSandbox(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // No host runs ValidateOnStart here, so run the same start-up validation now, for the same clear message.
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException many) when (many.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Several sections wrong at once: one message listing every key to fix.
            var failures = many.InnerExceptions.Cast<OptionsValidationException>().ToList();
            throw new OptionsValidationException(Options.DefaultName, failures[0].OptionsType, failures.SelectMany(f => f.Failures));
        }

        return provider;
    }
}
