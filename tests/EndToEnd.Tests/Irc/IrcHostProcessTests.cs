using System.Globalization;
using CodeCube.Testing.Hosting;

namespace CodeCube.EndToEnd.Tests.Irc;

/// <summary>
/// The same IRC promise kept by the host as operators run it: its own process, Production environment, every
/// setting from environment variables (the way secrets arrive), nothing from a test factory.
/// </summary>
public sealed class IrcHostProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Channel = "#proc";
    private const string BotNick = "procbot";
    private readonly RedisServerFixture _redis = new();
    private NgircdServer _irc = null!;
    private HostProcess _host = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _irc = await NgircdServer.StartAsync();
        _host = await HostProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "CodeCube.Host.dll"), new Dictionary<string, string>
        {
            ["Redis__Configuration"] = _redis.Configuration,
            ["Irc__Server"] = "127.0.0.1",
            ["Irc__Port"] = _irc.Port.ToString(CultureInfo.InvariantCulture),
            ["Irc__UseTls"] = "false",
            ["Irc__Nick"] = BotNick,
            ["Irc__Channels__0__Name"] = Channel,
        }, output.TryWriteLine);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _irc.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_person_on_irc_runs_py_print_1_and_gets_1_and_a_permalink_the_host_serves()
    {
        await using var user = await RawIrcUser.ConnectAsync(_irc.Port, "frank", Channel);
        await user.WaitForMemberAsync(Channel, BotNick);

        await user.SendAsync($"PRIVMSG {Channel} :!run py print(1)");

        var lines = await user.PrivmsgsFromAsync(BotNick, 2, EndToEndTest.RunTimeout);
        var (printed, footer) = (lines[0], lines[1]);
        Assert.True(printed == "1", $"bot said {printed}\n{_host.Output}");
        var id = Permalinks.IdIn(footer, _host.BaseUrl);
        Assert.EndsWith($"{_host.BaseUrl}/s/{id}", footer, StringComparison.Ordinal);
        using var http = new HttpClient();
        var snippet = await http.GetFromJsonAsync<SnippetView>($"{_host.BaseUrl}/api/v1/snippets/{id}");
        Assert.Equal("print(1)", snippet!.Code);
        Assert.Equal("1\n", snippet.Stdout);
        Assert.StartsWith($"python {snippet.Version} · ", footer, StringComparison.Ordinal);
    }
}
