using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CodeCube.Host.Admin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Tests.Admin;

[Collection(RedisCollection.Name)]
public sealed class AdminApiTests(RedisServerFixture redis, ITestOutputHelper output) : IDisposable
{
    private const string Token = "test-admin-token-0123456789abcdef0123456789";
    private readonly List<CodeCubeFactory> factories = [];

    public void Dispose() => factories.ForEach(f => f.Dispose());

    private CodeCubeFactory Factory(string? token = Token, int callsPerMinute = 1000, string? reportUrl = null)
    {
        var factory = new CodeCubeFactory(redis.Configuration, output);
        if (token is not null)
        {
            factory.Settings["Admin:Token"] = token;
        }

        factory.Settings["Admin:CallsPerMinute"] = callsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (reportUrl is not null)
        {
            factory.Settings["Web:ReportUrl"] = reportUrl;
        }

        factories.Add(factory);
        return factory;
    }

    private static HttpClient Admin(CodeCubeFactory factory, string token = Token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> RunAsync(HttpClient client, string code)
    {
        var response = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Admin_endpoints_do_not_exist_without_a_token()
    {
        var client = Factory(token: null).CreateClient();
        var id = await RunAsync(client, "print keep");

        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/snippets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/admin/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/s/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_or_missing_token_gets_401_and_changes_nothing()
    {
        var factory = Factory();
        var anonymous = factory.CreateClient();
        var id = await RunAsync(anonymous, "print still here");

        var missing = await anonymous.DeleteAsync($"/api/v1/snippets/{id}");
        var wrong = await Admin(factory, Token[..^1] + "X").DeleteAsync($"/api/v1/snippets/{id}");
        var prefix = await Admin(factory, Token[..10]).GetAsync("/api/v1/admin/runs");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, prefix.StatusCode);
        Assert.Equal("Bearer", wrong.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/s/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_snippet_is_gone_from_page_raw_embed_download_and_api()
    {
        var factory = Factory();
        var admin = Admin(factory);
        var id = await RunAsync(admin, "print abusive");

        var delete = await admin.DeleteAsync($"/api/v1/snippets/{id}");
        var page = await admin.GetAsync($"/s/{id}");
        var raw = await admin.GetAsync($"/s/{id}/raw");
        var embed = await admin.GetAsync($"/e/{id}");
        var download = await admin.GetAsync($"/s/{id}/download");
        var json = await admin.GetAsync($"/api/v1/snippets/{id}");
        var again = await admin.DeleteAsync($"/api/v1/snippets/{id}");
        var unknown = await admin.DeleteAsync("/api/v1/snippets/AbCdEf123456");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("removed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("abusive", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, raw.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, embed.StatusCode);
        Assert.DoesNotContain("abusive", await embed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, download.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, json.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(id, JsonDocument.Parse(await admin.GetStringAsync("/api/v1/admin/runs?limit=500")).RootElement
            .EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Bans_are_added_listed_and_removed()
    {
        var admin = Admin(Factory());
        var user = $"discord:{Guid.NewGuid():N}";

        var added = await admin.PostAsJsonAsync("/api/v1/admin/bans", new { user });
        var twice = await admin.PostAsJsonAsync("/api/v1/admin/bans", new { user });
        var bad = await admin.PostAsJsonAsync("/api/v1/admin/bans", new { user = "nobody" });
        var listed = await admin.GetFromJsonAsync<List<string>>("/api/v1/admin/bans");
        var removed = await admin.DeleteAsync($"/api/v1/admin/bans?user={Uri.EscapeDataString(user)}");
        var removedTwice = await admin.DeleteAsync($"/api/v1/admin/bans?user={Uri.EscapeDataString(user)}");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(user, listed!);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedTwice.StatusCode);
        Assert.DoesNotContain(user, (await admin.GetFromJsonAsync<List<string>>("/api/v1/admin/bans"))!);
    }

    [Fact]
    public async Task Recent_runs_list_the_newest_first_with_origin_and_honour_the_limit()
    {
        var admin = Admin(Factory());
        var first = await RunAsync(admin, $"print {Guid.NewGuid()}");
        var second = await RunAsync(admin, $"print {Guid.NewGuid()}");

        var runs = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/admin/runs?limit=2")).RootElement;
        var tooMany = await admin.GetAsync($"/api/v1/admin/runs?limit={AdminEndpoints.MaxRunsLimit + 1}");

        Assert.Equal([second, first], runs.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("web", runs[0].GetProperty("origin").GetProperty("platform").GetString());
        Assert.Equal("completed", runs[0].GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Admin_calls_are_rate_limited_wrong_tokens_included()
    {
        var factory = Factory(callsPerMinute: 2);

        var statuses = new List<HttpStatusCode>();
        statuses.Add((await Admin(factory, "wrong").GetAsync("/api/v1/admin/runs")).StatusCode);
        statuses.Add((await Admin(factory).GetAsync("/api/v1/admin/runs")).StatusCode);
        statuses.Add((await Admin(factory).GetAsync("/api/v1/admin/runs")).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Snippet_pages_carry_an_escaped_report_link_only_when_configured()
    {
        var with = Factory(reportUrl: "https://example.org/report?x=1&what=<b>").CreateClient();
        var without = Factory().CreateClient();
        var id = await RunAsync(with, "print report me");

        var html = await with.GetStringAsync($"/s/{id}");
        var plain = await without.GetStringAsync($"/s/{id}");

        Assert.Contains($"href=\"https://example.org/report?x=1&amp;what=&lt;b&gt;&amp;snippet={id}\">Report</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report\"", plain, StringComparison.Ordinal);
        Assert.Equal($"mailto:abuse@example.org?subject=snippet%20{id}",
            CodeCube.Host.Web.WebOptions.ReportLinkFor("mailto:abuse@example.org?subject=snippet%20{id}", id));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has a space in it but is long enough 0123456789")]
    public void A_weak_token_stops_the_host_naming_the_key(string token)
    {
        var factory = Factory(token: token);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var all = error is AggregateException many ? many.Flatten().InnerExceptions : [error];
        Assert.Contains(all, e => e is OptionsValidationException && e.Message.Contains("Admin:Token must be at least", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Web:ReportUrl", "javascript:alert(1)", "Web:ReportUrl must be an absolute http(s) or mailto: URL")]
    [InlineData("Metrics:Urls", "http://127.0.0.1", "Metrics:Urls entry 'http://127.0.0.1' must be an http URL with an explicit")]
    [InlineData("Admin:CallsPerMinute", "0", "Admin:CallsPerMinute")]
    public void Bad_operations_settings_stop_the_host_naming_the_key(string key, string value, string message)
    {
        var factory = Factory();
        factory.Settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var all = error is AggregateException many ? many.Flatten().InnerExceptions : [error];
        Assert.Contains(all, e => e is OptionsValidationException && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_token_in_a_settings_file_is_refused()
    {
        var file = Path.Combine(Path.GetTempPath(), $"codecube-admin-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, $$"""{ "Admin": { "Token": "{{Token}}" } }""");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();
            var options = configuration.GetSection("Admin").Get<AdminOptions>()!;

            var problems = AdminOptions.Problems(options, configuration).ToList();

            Assert.Contains(problems, p => p.Contains("must come from the environment (Admin__Token)", StringComparison.Ordinal));
            Assert.Empty(AdminOptions.Problems(options, new ConfigurationBuilder().AddInMemoryCollection(
                new Dictionary<string, string?> { ["Admin:Token"] = Token }).Build()));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
