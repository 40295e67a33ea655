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

    [Fact]
    public void Valid_configuration_passes() =>
        Assert.True(new IrcOptionsValidator().Validate(null, Valid()).Succeeded);

    [Theory]
    [InlineData("Server", "")]
    [InlineData("Nick", "bad nick")]
    [InlineData("Nick", "1starts")]
    [InlineData("Channel", "nochanprefix")]
    [InlineData("Channel", "#a,#b")]
    [InlineData("Key", "two words")]
    [InlineData("SaslUserOnly", "u")]
    [InlineData("SaslPasswordOnly", "p")]
    [InlineData("Fingerprint", "abc")]
    [InlineData("MaxLines", "0")]
    [InlineData("RealName", "evil\r\nQUIT")]
    public void Invalid_settings_fail_validation_with_a_message(string setting, string value)
    {
        var o = Valid();
        switch (setting)
        {
            case "Server": o.Server = value; break;
            case "Nick": o.Nick = value; break;
            case "Channel": o.Channels[0].Name = value; break;
            case "Key": o.Channels[0].Key = value; break;
            case "SaslUserOnly": o.SaslUser = value; break;
            case "SaslPasswordOnly": o.SaslPassword = value; break;
            case "Fingerprint": o.AcceptFingerprint = value; break;
            case "MaxLines": o.MaxLinesPerReply = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "RealName": o.RealName = value; break;
        }

        var result = new IrcOptionsValidator().Validate(null, o);

        Assert.True(result.Failed);
        Assert.NotEmpty(result.FailureMessage);
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
