using CodeCube.Adapters.Irc;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Tests.Irc;

public class IrcOptionsTests
{
    private static IrcOptions Valid() => new()
    {
        Server = "irc.example.net",
        Nick = "codecube",
        Channels = [new IrcChannelOptions { Name = "#code", Key = "k" }],
    };

    /// <summary>The validator exactly as AddIrcAdapter registers it (generated, with the keys named).</summary>
    private static ValidateOptionsResult Validate(IrcOptions options)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Irc:Server"] = "irc.example.net" }).Build();
        using var provider = new ServiceCollection().AddLogging().AddIrcAdapter(config).BuildServiceProvider();
        return Assert.Single(provider.GetServices<IValidateOptions<IrcOptions>>()).Validate(Options.DefaultName, options);
    }

    [Fact]
    public void Valid_configuration_passes() =>
        Assert.True(Validate(Valid()).Succeeded);

    [Theory]
    [InlineData("Server", "", "Irc:Server")]
    [InlineData("Nick", "bad nick", "Irc:Nick")]
    [InlineData("Nick", "1starts", "Irc:Nick")]
    [InlineData("AltNick", "bad nick", "Irc:AltNicks:0")]
    [InlineData("Channel", "nochanprefix", "Irc:Channels:0:Name")]
    [InlineData("Channel", "#a,#b", "Irc:Channels:0:Name")]
    [InlineData("Key", "two words", "Irc:Channels:0:Key")]
    [InlineData("SaslUserOnly", "u", "Irc:SaslPassword")]
    [InlineData("SaslPasswordOnly", "p", "Irc:SaslUser")]
    [InlineData("Fingerprint", "abc", "Irc:AcceptFingerprint")]
    [InlineData("MaxLines", "0", "Irc:MaxLinesPerReply")]
    [InlineData("Port", "70000", "Irc:Port")]
    [InlineData("RealName", "evil\r\nQUIT", "Irc:RealName")]
    [InlineData("FloodInterval", "00:00:00", "Irc:FloodInterval")]
    [InlineData("PingTimeout", "01:00:00", "Irc:PingTimeout")]
    [InlineData("ReconnectMinDelay", "00:05:00", "Irc:ReconnectMinDelay")]
    public void Invalid_settings_fail_validation_naming_the_key(string setting, string value, string key)
    {
        var o = Valid();
        var number = int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var span = TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : TimeSpan.Zero;
        switch (setting)
        {
            case "Server": o.Server = value; break;
            case "Nick": o.Nick = value; break;
            case "AltNick": o.AltNicks = [value]; break;
            case "Channel": o.Channels[0].Name = value; break;
            case "Key": o.Channels[0].Key = value; break;
            case "SaslUserOnly": o.SaslUser = value; break;
            case "SaslPasswordOnly": o.SaslPassword = value; break;
            case "Fingerprint": o.AcceptFingerprint = value; break;
            case "MaxLines": o.MaxLinesPerReply = number; break;
            case "Port": o.Port = number; break;
            case "RealName": o.RealName = value; break;
            case "FloodInterval": o.FloodInterval = span; break;
            case "PingTimeout": o.PingTimeout = span; break;
            case "ReconnectMinDelay": o.ReconnectMinDelay = span; break;
        }

        var result = Validate(o);

        Assert.True(result.Failed);
        Assert.Matches($"(^|[^\\w:]){key}($|[^\\w:])", result.FailureMessage);
    }

    [Fact]
    public void Default_port_follows_tls()
    {
        Assert.Equal(6697, new IrcOptions { UseTls = true }.EffectivePort);
        Assert.Equal(6667, new IrcOptions { UseTls = false }.EffectivePort);
        Assert.Equal(7000, new IrcOptions { Port = 7000 }.EffectivePort);
    }

    [Fact]
    public void Adapter_is_not_registered_without_a_server()
    {
        var services = new ServiceCollection();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Irc:Nick"] = "x" }).Build();

        services.AddIrcAdapter(config);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IChatAdapter));
    }

    [Fact]
    public void Configured_adapter_binds_channels_and_the_password_from_environment_style_keys()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Irc:Server"] = "irc.example.net",
            ["Irc:Channels:0:Name"] = "#code",
            ["Irc:Channels:0:Key"] = "sekrit",
            ["Irc:AltNicks:0"] = "cube2",
            ["Irc:SaslUser"] = "cube",
            ["Irc__SaslPassword".Replace("__", ":", StringComparison.Ordinal)] = "pw",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddIrcAdapter(config)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var adapter = Assert.IsType<IrcChatAdapter>(Assert.Single(provider.GetServices<IChatAdapter>()));
        var options = provider.GetRequiredService<IOptions<IrcOptions>>().Value;

        Assert.Same(provider.GetRequiredService<IrcChatAdapter>(), adapter);
        Assert.Equal("sekrit", options.Channels.Single().Key);
        Assert.Equal(["cube2"], options.AltNicks);
        Assert.Equal("pw", options.SaslPassword);
        Assert.Equal("irc", adapter.Platform);
    }

    [Fact]
    public void Invalid_configuration_fails_when_options_are_read()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Irc:Server"] = "irc.example.net",
            ["Irc:SaslUser"] = "cube",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddIrcAdapter(config).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IrcOptions>>().Value);
        Assert.Contains("SaslPassword", error.Message, StringComparison.Ordinal);
    }
}
