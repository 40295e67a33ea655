using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CodeCube.Adapters.Irc;
using CodeCube.Core.Commands;
using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using CodeCube.Host.Tests.Infrastructure;
using CodeCube.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Tests;

/// <summary>
/// Every options class as the real host composes it (<see cref="HostingExtensions.AddCodeCube"/> over the shipped
/// appsettings.json, every adapter switched on): a bad value stops start naming the full key, an old key still works
/// with one warning naming the new key, and the one size limit reaches the chat parser, the sandbox and the web API.
/// </summary>
public sealed class HostConfigurationTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> AllAdapters = new()
    {
        ["Irc:Server"] = "irc.example.net",
        ["Discord:Token"] = "token",
        ["Slack:BotToken"] = "xoxb-1",
        ["Slack:AppToken"] = "xapp-1",
    };

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "Pipeline:Workers", "0", "Pipeline:Workers" },
        { "Pipeline:Prefix", "run now", "Pipeline:Prefix" },
        { "Pipeline:DrainTimeout", "00:11:00", "Pipeline:DrainTimeout" },
        { "Pipeline:Quotas:ChannelBurst", "0", "Pipeline:Quotas:ChannelBurst" },
        { "InputLimits:MaxCodeBytes", "0", "InputLimits:MaxCodeBytes" },
        { "InputLimits:MaxStdinBytes", "-1", "InputLimits:MaxStdinBytes" },
        { "Web:PublicBaseUrl", "ftp://example.org", "Web:PublicBaseUrl" },
        { "Web:MaxRequestBytes", "10", "Web:MaxRequestBytes" },
        { "Web:MaxArgs", "-1", "Web:MaxArgs" },
        { "Web:RunsPerMinutePerClient", "-1", "Web:RunsPerMinutePerClient" },
        { "Redis:Configuration", ",", "Redis:Configuration" },
        { "Redis:CacheTtl", "00:00:00", "Redis:CacheTtl" },
        { "Sandbox:MemoryMiB", "1", "Sandbox:MemoryMiB" },
        { "Sandbox:CompileTimeout", "00:00:00", "Sandbox:CompileTimeout" },
        { "Sandbox:User", "root", "Sandbox:User" },
        { "Sandbox:DockerEndpoint", "not a uri", "Sandbox:DockerEndpoint" },
        { "Sandbox:Pool:Size", "65", "Sandbox:Pool:Size" },
        { "Sandbox:Pool:MaxIdle", "00:00:01", "Sandbox:Pool:MaxIdle" },
        { "Sandbox:Pool:MaxContainers", "-1", "Sandbox:Pool:MaxContainers" },
        { "Sandbox:Pool:MemoryBudgetMiB", "-1", "Sandbox:Pool:MemoryBudgetMiB" },
        { "Sandbox:Pool:DemandHalfLife", "00:00:00", "Sandbox:Pool:DemandHalfLife" },
        { "Sandbox:Pool:IdleAfter", "00:00:00", "Sandbox:Pool:IdleAfter" },
        { "Irc:Port", "70000", "Irc:Port" },
        { "Irc:JoinWait", "00:11:00", "Irc:JoinWait" },
        { "Irc:Channels:0:Name", "nochan", "Irc:Channels:0:Name" },
        { "Irc:ReconnectMinDelay", "00:02:00", "Irc:ReconnectMinDelay" },
        { "Discord:ApiBaseUrl", "ftp://example.org", "Discord:ApiBaseUrl" },
        { "Discord:GatewayUrlOverride", "http://example.org", "Discord:GatewayUrlOverride" },
        { "Slack:BotToken", "xapp-1", "Slack:BotToken" },
        { "Slack:ApiBaseUrl", "ws://example.org", "Slack:ApiBaseUrl" },
        { "Slack:Mode", "EventsApi", "Slack:SigningSecret" },
    };

    /// <summary>Every renamed key: old key, its value, the new key, and what the new key then holds.</summary>
    public static TheoryData<string, string, string, string> OldKeys => new()
    {
        { "Sandbox:EngineTimeoutSeconds", "5", "Sandbox:EngineTimeout", "00:00:05" },
        { "Sandbox:RunTimeoutMs", "2500", "Sandbox:RunTimeout", "00:00:02.5" },
        { "Sandbox:CompileTimeoutMs", "500", "Sandbox:CompileTimeout", "00:00:00.5" },
        { "Sandbox:MarkerGraceMs", "1000", "Sandbox:MarkerGrace", "00:00:01" },
        { "Sandbox:ReaperIntervalSeconds", "30", "Sandbox:ReaperInterval", "00:00:30" },
        { "Sandbox:ReaperGraceSeconds", "0", "Sandbox:ReaperGrace", "00:00:00" },
        { "Sandbox:Pool:MaxIdleSeconds", "120", "Sandbox:Pool:MaxIdle", "00:02:00" },
        { "Irc:FloodIntervalMs", "200", "Irc:FloodInterval", "00:00:00.2" },
        { "Irc:PingIntervalSeconds", "60", "Irc:PingInterval", "00:01:00" },
        { "Irc:PingTimeoutSeconds", "20", "Irc:PingTimeout", "00:00:20" },
        { "Irc:ReconnectMinDelayMs", "200", "Irc:ReconnectMinDelay", "00:00:00.2" },
        { "Irc:ReconnectMaxDelayMs", "2000", "Irc:ReconnectMaxDelay", "00:00:02" },
        { "Irc:JoinWaitSeconds", "5", "Irc:JoinWait", "00:00:05" },
        { "Pipeline:MaxCodeBytes", "1000", "InputLimits:MaxCodeBytes", "1000" },
        { "Web:MaxCodeBytes", "1000", "InputLimits:MaxCodeBytes", "1000" },
        { "Sandbox:MaxCodeBytes", "1000", "InputLimits:MaxCodeBytes", "1000" },
        { "Pipeline:MaxStdinBytes", "100", "InputLimits:MaxStdinBytes", "100" },
        { "Web:MaxStdinBytes", "100", "InputLimits:MaxStdinBytes", "100" },
        { "Sandbox:MaxStdinBytes", "100", "InputLimits:MaxStdinBytes", "100" },
    };

    private static readonly Dictionary<string, Func<IServiceProvider, object>> NewKeys = new()
    {
        ["Sandbox:EngineTimeout"] = sp => Value<SandboxOptions>(sp).EngineTimeout,
        ["Sandbox:RunTimeout"] = sp => Value<SandboxOptions>(sp).RunTimeout,
        ["Sandbox:CompileTimeout"] = sp => Value<SandboxOptions>(sp).CompileTimeout,
        ["Sandbox:MarkerGrace"] = sp => Value<SandboxOptions>(sp).MarkerGrace,
        ["Sandbox:ReaperInterval"] = sp => Value<SandboxOptions>(sp).ReaperInterval,
        ["Sandbox:ReaperGrace"] = sp => Value<SandboxOptions>(sp).ReaperGrace,
        ["Sandbox:Pool:MaxIdle"] = sp => Value<SandboxOptions>(sp).Pool.MaxIdle,
        ["Irc:FloodInterval"] = sp => Value<IrcOptions>(sp).FloodInterval,
        ["Irc:PingInterval"] = sp => Value<IrcOptions>(sp).PingInterval,
        ["Irc:PingTimeout"] = sp => Value<IrcOptions>(sp).PingTimeout,
        ["Irc:ReconnectMinDelay"] = sp => Value<IrcOptions>(sp).ReconnectMinDelay,
        ["Irc:ReconnectMaxDelay"] = sp => Value<IrcOptions>(sp).ReconnectMaxDelay,
        ["Irc:JoinWait"] = sp => Value<IrcOptions>(sp).JoinWait,
        ["InputLimits:MaxCodeBytes"] = sp => Value<InputLimitsOptions>(sp).MaxCodeBytes,
        ["InputLimits:MaxStdinBytes"] = sp => Value<InputLimitsOptions>(sp).MaxStdinBytes,
    };

    [Fact]
    public async Task The_shipped_settings_start_clean_with_no_old_key()
    {
        await using var host = ComposedHost.Build([]);

        host.Validate();

        Assert.Empty(host.Warnings);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_stops_start_naming_the_full_key(string key, string value, string named)
    {
        await using var host = ComposedHost.Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(host.Validate);

        Assert.Matches($"(^|[^\\w:]){named}($|[^\\w:])", error.Message);
    }

    [Fact]
    public void Every_renamed_key_is_in_the_table()
    {
        var renamed = new[] { SandboxOptions.RenamedKeys, IrcOptions.RenamedKeys, InputLimitsOptions.RenamedKeys }
            .SelectMany(keys => keys).Select(k => k.OldKey).Order();

        Assert.Equal(renamed, OldKeys.Select(row => (string)row[0]).Order());
        Assert.Equal(NewKeys.Keys.Order(), OldKeys.Select(row => (string)row[2]).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(OldKeys))]
    public async Task An_old_key_still_works_and_one_warning_names_the_new_key(string oldKey, string value, string newKey, string expected)
    {
        await using var host = ComposedHost.Build(new() { [oldKey] = value });

        host.Validate();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Configured again for a snapshot: still one warning.
            _ = scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<InputLimitsOptions>>().Value;
            _ = scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<SandboxOptions>>().Value;
            _ = scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<IrcOptions>>().Value;
        }

        var actual = NewKeys[newKey](host.Services);
        object wanted = actual is TimeSpan
            ? TimeSpan.Parse(expected, CultureInfo.InvariantCulture)
            : int.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal(wanted, actual);
        var warning = Assert.Single(host.Warnings);
        Assert.Contains($"{oldKey} is an old name: read as {newKey} = ", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_old_and_new_key_are_both_set_the_new_one_wins_and_the_old_one_is_reported_ignored()
    {
        await using var host = ComposedHost.Build(new() { ["Sandbox:RunTimeoutMs"] = "2000", ["Sandbox:RunTimeout"] = "00:00:03" });

        host.Validate();

        Assert.Equal(TimeSpan.FromSeconds(3), Value<SandboxOptions>(host.Services).RunTimeout);
        Assert.Contains("Sandbox:RunTimeoutMs is an old name and is ignored because Sandbox:RunTimeout is set",
            Assert.Single(host.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_several_old_size_keys_the_smallest_is_the_limit()
    {
        await using var host = ComposedHost.Build(new() { ["Pipeline:MaxCodeBytes"] = "2000", ["Web:MaxCodeBytes"] = "1000" });

        host.Validate();

        Assert.Equal(1000, Value<InputLimitsOptions>(host.Services).MaxCodeBytes);
        Assert.Equal(2, host.Warnings.Count(w => w.Contains("read as InputLimits:MaxCodeBytes = 1000", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_old_key_that_is_not_a_number_stops_start_naming_both_keys()
    {
        await using var host = ComposedHost.Build(new() { ["Sandbox:RunTimeoutMs"] = "ten seconds" });

        var error = Assert.Throws<OptionsValidationException>(host.Validate);

        Assert.Contains("Sandbox:RunTimeoutMs (renamed to Sandbox:RunTimeout) must be a whole number of milliseconds", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrels_body_limit_comes_from_web_options()
    {
        await using var host = ComposedHost.Build(new() { ["Web:MaxRequestBytes"] = "5000" });

        var kestrel = host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.Equal(5001, kestrel.Limits.MaxRequestBodySize);
    }

    [Theory]
    [InlineData("InputLimits:MaxCodeBytes")]
    [InlineData("Web:MaxCodeBytes")]
    [InlineData("Sandbox:MaxCodeBytes")]
    public async Task One_size_limit_reaches_the_chat_parser_and_the_sandbox(string key)
    {
        await using var host = ComposedHost.Build(new() { [key] = "100" });
        host.Validate();
        var code = new string('x', 101);

        var parsed = host.Services.GetRequiredService<CommandParser>().Parse("!run python " + code);
        var ran = await host.Services.GetRequiredService<ISandbox>().RunAsync(new RunRequest("python", code), null, CancellationToken.None);

        Assert.Equal("the code is 101 bytes; the limit is 100 bytes", Assert.IsType<Command.ParseError>(parsed).Message);
        Assert.Equal((RunOutcome.SandboxError, "the code is larger than 100 bytes"), (ran.Outcome, ran.Detail));
    }

    [Theory]
    [InlineData("InputLimits:MaxCodeBytes")]
    [InlineData("Web:MaxCodeBytes")]
    public async Task One_size_limit_reaches_the_web_api(string key)
    {
        using var factory = new CodeCubeFactory($"127.0.0.1:{Loopback.FreePort()},connectTimeout=500", output);
        factory.Settings[key] = "100";
        var client = factory.CreateClient();

        var over = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = new string('x', 101) });
        var problem = await over.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.StartsWith("The code is 101 bytes; the limit is 100 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, factory.Sandbox.Runs);
    }

    private static T Value<T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;

    /// <summary>The host's services, built but not started, with the old-key warnings captured.</summary>
    private sealed class ComposedHost(WebApplication app, Warnings warnings) : IAsyncDisposable
    {
        public IServiceProvider Services => app.Services;

        public IReadOnlyList<string> Warnings => [.. warnings.Messages];

        public static ComposedHost Build(Dictionary<string, string?> settings)
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration.AddInMemoryCollection(AllAdapters).AddInMemoryCollection(settings);
            builder.AddCodeCube();
            var warnings = new Warnings();
            builder.Services.AddSingleton<ILogger<RenamedKey>>(warnings);
            return new ComposedHost(builder.Build(), warnings);
        }

        public void Validate() => app.Services.GetRequiredService<IStartupValidator>().Validate();

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    private sealed class Warnings : ILogger<RenamedKey>
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (logLevel == LogLevel.Warning)
            {
                Messages.Enqueue(formatter(state, exception));
            }
        }
    }
}
