using System.Net;
using System.Text.RegularExpressions;
using CodeCube.Core.Diagnostics;
using StackExchange.Redis;

namespace CodeCube.Host.Cli;

/// <summary>
/// The host's part of <c>codecube doctor</c> (the engine's is EngineDoctor): Redis answers and keeps its data, the
/// public base URL can be opened by chat users, and each configured chat platform's secrets have the right shape.
/// Secrets are never printed, only whether they look right.
/// </summary>
internal static partial class DoctorChecks
{
    public static async Task<IReadOnlyList<Finding>> RedisAsync(string? configuration)
    {
        const string Start = "start it with persistence (./run.sh does: redis-server --appendonly yes) or set Redis__Configuration";
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration ?? "127.0.0.1:6379");
        }
        catch (ArgumentException e)
        {
            return [Finding.Block("redis", $"Redis:Configuration is not valid: {e.Message}", "use host:port[,password=...]")];
        }

        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 3000;
        options.ConnectRetry = 1;
        options.AllowAdmin = true;
        var where = string.Join(", ", options.EndPoints.Select(EndPointText));
        try
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            await using var disposeRedis = redis.ConfigureAwait(false);
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            var reachable = Finding.Ok("redis", $"redis {server.Version} answers at {where}");
            return [reachable, await PersistenceAsync(server).ConfigureAwait(false)];
        }
        catch (RedisException e)
        {
            return [Finding.Block("redis", $"redis does not answer at {where} ({e.Message.Split('.')[0]})", Start)];
        }
    }

    private static async Task<Finding> PersistenceAsync(IServer server)
    {
        try
        {
            var aof = (await server.ConfigGetAsync("appendonly").ConfigureAwait(false)).FirstOrDefault().Value;
            var save = (await server.ConfigGetAsync("save").ConfigureAwait(false)).FirstOrDefault().Value;
            return (aof, save) switch
            {
                ("yes", _) => Finding.Ok("redis persistence", "append-only file on: snippets survive a restart"),
                (_, { Length: > 0 }) => Finding.Warn("redis persistence",
                    $"only RDB snapshots (save {save}): a crash loses the snippets since the last one",
                    "redis-cli CONFIG SET appendonly yes && redis-cli CONFIG REWRITE"),
                _ => Finding.Warn("redis persistence", "no persistence: a restart loses every snippet",
                    "redis-cli CONFIG SET appendonly yes && redis-cli CONFIG REWRITE (or start redis with --appendonly yes)"),
            };
        }
        catch (RedisException e)
        {
            // Managed Redis often renames or forbids CONFIG.
            return Finding.Warn("redis persistence", $"cannot read the persistence settings ({e.Message})",
                "make sure the server keeps an append-only file (appendonly yes)");
        }
    }

    public static Finding PublicBaseUrl(string? value, bool chatConfigured)
    {
        const string Check = "public URL";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return Finding.Block(Check, $"Web:PublicBaseUrl '{value}' is not an absolute http(s) URL without query",
                "set Web__PublicBaseUrl to the address people open, e.g. https://codecube.example.org");
        }

        var local = uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.Any.Equals(ip));
        if (local && chatConfigured)
        {
            return Finding.Warn(Check, $"permalinks point at {uri.Host}, which chat users cannot open",
                "set Web__PublicBaseUrl to the bot's public address");
        }

        if (!local && uri.Scheme == "http")
        {
            return Finding.Warn(Check, $"{value} is plain http: links and the playground travel unencrypted",
                "serve the playground behind TLS (a reverse proxy) and use its https:// address");
        }

        return Finding.Ok(Check, local ? $"{value} (fine for trying it out on this machine)" : $"{value}");
    }

    public static IReadOnlyList<Finding> ChatPlatforms(IConfiguration configuration)
    {
        var findings = new List<Finding>();
        if (configuration.GetSection("Irc").Exists())
        {
            findings.Add(Irc(configuration.GetSection("Irc")));
        }

        if (configuration.GetSection("Discord").Exists())
        {
            var token = configuration["Discord:Token"] ?? "";
            findings.Add(DiscordToken().IsMatch(token)
                ? Finding.Ok("discord", "token has the bot token shape")
                : Finding.Block("discord", "Discord:Token does not look like a bot token (three dot-separated parts)",
                    "copy the token from the Developer Portal (Bot → Reset Token) into Discord__Token"));
        }

        if (configuration.GetSection("Slack").Exists())
        {
            findings.Add(Slack(configuration.GetSection("Slack")));
        }

        if (findings.Count == 0)
        {
            findings.Add(Finding.Warn("chat", "no chat platform is configured; only the web playground and API run",
                "set Irc__Server, Discord__Token or Slack__BotToken (README: connecting chat platforms)"));
        }

        return findings;
    }

    private static Finding Irc(IConfigurationSection irc)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(irc["Server"]) || Uri.CheckHostName(irc["Server"]) == UriHostNameType.Unknown)
        {
            problems.Add("Irc:Server must be a host name");
        }

        if (irc["Port"] is { } port && (!int.TryParse(port, out var p) || p is < 0 or > 65535))
        {
            problems.Add("Irc:Port must be 1..65535");
        }

        if (irc["Nick"] is { } nick && !IrcNick().IsMatch(nick))
        {
            problems.Add("Irc:Nick has characters IRC does not allow");
        }

        if (string.IsNullOrEmpty(irc["SaslUser"]) != string.IsNullOrEmpty(irc["SaslPassword"]))
        {
            problems.Add("set both Irc:SaslUser and Irc:SaslPassword, or neither");
        }

        return problems.Count == 0
            ? Finding.Ok("irc", $"server {irc["Server"]}")
            : Finding.Block("irc", string.Join("; ", problems), "fix the Irc__* settings (README: IRC)");
    }

    private static Finding Slack(IConfigurationSection slack)
    {
        var problems = new List<string>();
        if (!SlackBotToken().IsMatch(slack["BotToken"] ?? ""))
        {
            problems.Add("Slack:BotToken is not a bot token (xoxb-…)");
        }

        var eventsApi = string.Equals(slack["Mode"], "EventsApi", StringComparison.OrdinalIgnoreCase);
        if (!eventsApi && !SlackAppToken().IsMatch(slack["AppToken"] ?? ""))
        {
            problems.Add("Slack:AppToken is not an app-level token (xapp-…), needed for Socket Mode");
        }

        if (eventsApi && !SlackSigningSecret().IsMatch(slack["SigningSecret"] ?? ""))
        {
            problems.Add("Slack:SigningSecret is not 32 hex characters");
        }

        return problems.Count == 0
            ? Finding.Ok("slack", $"tokens have the right shape ({(eventsApi ? "Events API" : "Socket Mode")})")
            : Finding.Block("slack", string.Join("; ", problems), "copy them from api.slack.com/apps into Slack__BotToken, Slack__AppToken or Slack__SigningSecret");
    }

    private static string EndPointText(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endPoint.ToString() ?? "?",
    };

    [GeneratedRegex(@"^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$")]
    private static partial Regex DiscordToken();

    [GeneratedRegex(@"^xoxb-[0-9]+-[0-9]+-[A-Za-z0-9]+$")]
    private static partial Regex SlackBotToken();

    [GeneratedRegex(@"^xapp-[0-9]-[A-Za-z0-9]+-[0-9]+-[A-Za-z0-9]+$")]
    private static partial Regex SlackAppToken();

    [GeneratedRegex(@"^[0-9a-f]{32}$")]
    private static partial Regex SlackSigningSecret();

    [GeneratedRegex(@"^[A-Za-z\[\]\\`_^{|}][A-Za-z0-9\[\]\\`_^{|}-]{0,29}$")]
    private static partial Regex IrcNick();
}
