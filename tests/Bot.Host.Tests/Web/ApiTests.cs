using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCube.Host.Tests.Web;

[Collection(RedisCollection.Name)]
public sealed class ApiTests(RedisServerFixture redis, ITestOutputHelper output) : IDisposable
{
    private readonly CodeCubeFactory _factory = new(redis.Configuration, output);

    public void Dispose() => _factory.Dispose();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Post_run_returns_the_cli_json_fields_with_id_and_permalink_and_stores_the_snippet()
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/run", new { language = "py", code = "print hello\nexit 3", stdin = "in" });
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("python", body.GetProperty("language").GetString());
        Assert.Equal("3.11.2", body.GetProperty("version").GetString());
        Assert.Equal("completed", body.GetProperty("outcome").GetString());
        Assert.Equal(3, body.GetProperty("exitCode").GetInt32());
        Assert.Equal("hello\n", body.GetProperty("stdout").GetString());
        Assert.Equal("", body.GetProperty("stderr").GetString());
        Assert.Equal(42, body.GetProperty("wallMs").GetInt64());
        Assert.False(body.GetProperty("truncated").GetBoolean());
        Assert.Equal("exit 3", body.GetProperty("summary").GetString());
        var id = body.GetProperty("id").GetString();
        Assert.Equal($"http://codecube.test/s/{id}", body.GetProperty("permalink").GetString());

        var stored = await ReadJsonAsync(await client.GetAsync($"/api/v1/snippets/{id}"));
        Assert.Equal("print hello\nexit 3", stored.GetProperty("code").GetString());
        Assert.Equal("in", stored.GetProperty("stdin").GetString());
        Assert.Equal("hello\n", stored.GetProperty("stdout").GetString());
        Assert.Equal("web", stored.GetProperty("author").GetProperty("platform").GetString());
        Assert.Equal("web", stored.GetProperty("platform").GetString());
        Assert.False(stored.TryGetProperty("origin", out _));
        // The snippet's own fields minus its internal ids, plus the permalink: nothing else is published.
        Assert.Equal(
            ["args", "author", "code", "createdAt", "detail", "exitCode", "id", "language", "outcome", "parentId", "permalink",
                "platform", "stderr", "stdin", "stdout", "truncated", "version", "wallMs"],
            stored.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal($"http://codecube.test/s/{id}", stored.GetProperty("permalink").GetString());
    }

    [Fact]
    public async Task A_snippet_publishes_a_display_name_and_the_platform_but_no_author_id()
    {
        var client = _factory.CreateClient();

        var first = await ReadJsonAsync(await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print 1" }));
        var second = await ReadJsonAsync(await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print 2" }));
        var a = await ReadJsonAsync(await client.GetAsync($"/api/v1/snippets/{first.GetProperty("id").GetString()}"));
        var b = await ReadJsonAsync(await client.GetAsync($"/api/v1/snippets/{second.GetProperty("id").GetString()}"));

        Assert.Equal("""{"platform":"web","name":"anonymous"}""", a.GetProperty("author").GetRawText());
        Assert.Equal(a.GetProperty("author").GetRawText(), b.GetProperty("author").GetRawText());
    }

    [Fact]
    public async Task A_chat_snippet_is_published_without_its_channel_message_or_user_ids()
    {
        var store = _factory.Services.GetRequiredService<ISnippetStore>();
        var snippet = new Snippet(SnippetId.New(), "python", "3.12.8", "print(1)", "in\n", ["-v"], "1\n", "", RunOutcome.Completed, 0,
            12, false, new SnippetAuthor("irc", "ada!~ada@secret-host.example", "ada"), new SnippetOrigin("irc", "#hidden-channel", "msg-4711"),
            new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero), null);
        await store.SaveAsync(snippet, CancellationToken.None);

        var json = await _factory.CreateClient().GetStringAsync($"/api/v1/snippets/{snippet.Id}");

        // The exact shape the playground and API clients read; a field added to Snippet is not published by itself.
        Assert.Equal(
            $$"""{"author":{"platform":"irc","name":"ada"},"platform":"irc","permalink":"http://codecube.test/s/{{snippet.Id}}","id":"{{snippet.Id}}","language":"python","version":"3.12.8","code":"print(1)","stdin":"in\n","args":["-v"],"stdout":"1\n","stderr":"","outcome":"completed","exitCode":0,"wallMs":12,"truncated":false,"createdAt":"2026-11-26T05:00:00+00:00","parentId":null,"detail":null}""",
            json);
        Assert.DoesNotContain("secret-host", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden-channel", json, StringComparison.Ordinal);
        Assert.DoesNotContain("msg-4711", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_anonymous_cookie_is_http_only_same_site_strict_and_not_published_with_the_snippet()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });

        var response = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print 1" });
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        var cookie = setCookie.Split(';')[0].Split('=')[1];
        var id = (await ReadJsonAsync(response)).GetProperty("id").GetString();
        var stored = await client.GetStringAsync($"/api/v1/snippets/{id}");

        Assert.StartsWith("codecube_uid=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(cookie, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_with_a_parent_id_records_the_parent_and_an_unknown_parent_is_refused()
    {
        var client = _factory.CreateClient();
        var parent = await ReadJsonAsync(await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print 1" }));
        var parentId = parent.GetProperty("id").GetString();

        var child = await ReadJsonAsync(await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print 2", parentId }));
        var stored = await ReadJsonAsync(await client.GetAsync($"/api/v1/snippets/{child.GetProperty("id").GetString()}"));
        var orphan = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print 2", parentId = "AAAAAAAAAAAA" });

        Assert.Equal(parentId, stored.GetProperty("parentId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
    }

    [Fact]
    public async Task Unknown_language_is_a_problem_that_suggests_close_matches()
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/run", Json("""{"language":"pyton","code":"print 1"}"""));
        var problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unknown language", problem.GetProperty("title").GetString());
        Assert.Contains("python", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("python", problem.GetProperty("suggestions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, _factory.Sandbox.Runs);
    }

    [Theory]
    [InlineData("{\"language\":\"python\",\"code\":")]
    [InlineData("not json")]
    [InlineData("{\"language\": 5, \"code\": \"x\"}")]
    public async Task Malformed_json_is_a_problem_that_says_so(string body)
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/run", Json(body));
        var problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_over_64_KiB_is_413_and_the_detail_names_the_limit()
    {
        var code = new string('x', 64 * 1024 + 1);

        var response = await _factory.CreateClient().PostAsJsonAsync("/api/v1/run", new { language = "python", code });
        var problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("65536 bytes (64 KiB)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _factory.Sandbox.Runs);
    }

    [Fact]
    public async Task Body_over_the_request_cap_is_refused_before_parsing()
    {
        var stdin = new string('y', 1024 * 1024 + 10);

        var response = await _factory.CreateClient().PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print 1", stdin });
        var problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Request too large", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Missing_code_and_wrong_content_type_are_problems()
    {
        var client = _factory.CreateClient();

        var noCode = await client.PostAsync("/api/v1/run", Json("""{"language":"python"}"""));
        var form = await client.PostAsync("/api/v1/run", new FormUrlEncodedContent([new("language", "python"), new("code", "print 1")]));

        Assert.Equal(HttpStatusCode.BadRequest, noCode.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("application/problem+json", form.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_snippet_is_a_404_problem()
    {
        var response = await _factory.CreateClient().GetAsync("/api/v1/snippets/AAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Languages_lists_the_registry()
    {
        var body = await ReadJsonAsync(await _factory.CreateClient().GetAsync("/api/v1/languages"));

        var ids = body.EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Equal(["python", "javascript", "bash", "sh", "c", "cpp"], ids);
        Assert.Equal("3.11.2", body[0].GetProperty("version").GetString());
        Assert.Equal(["py", "python3"], body[0].GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.False(body[0].GetProperty("compiled").GetBoolean());
        Assert.True(body[4].GetProperty("compiled").GetBoolean());
        Assert.Equal("scripting", body[0].GetProperty("kind").GetString());
        Assert.Equal(["numpy", "sympy"], body[0].GetProperty("libraries").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Stream_sends_output_events_in_order_then_a_result_with_id_and_permalink()
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/run/stream",
            Json("""{"language":"python","code":"print one\neprint two\nprint three"}"""));
        var text = await response.Content.ReadAsStringAsync();
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e.StartsWith("event:", StringComparison.Ordinal))
            .Select(e => (name: e.Split('\n')[0][7..], data: JsonDocument.Parse(e.Split('\n')[1][6..]).RootElement))
            .ToList();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["output", "output", "output", "result"], events.Select(e => e.name));
        Assert.Equal(["stdout", "stderr", "stdout"], events.Take(3).Select(e => e.data.GetProperty("stream").GetString()));
        Assert.Equal(["one\n", "two\n", "three\n"], events.Take(3).Select(e => e.data.GetProperty("text").GetString()));
        var result = events[3].data;
        Assert.Equal("one\nthree\n", result.GetProperty("stdout").GetString());
        Assert.Equal("two\n", result.GetProperty("stderr").GetString());
        Assert.StartsWith("http://codecube.test/s/", result.GetProperty("permalink").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_validation_failures_are_problems_not_streams()
    {
        var response = await _factory.CreateClient().PostAsync("/api/v1/run/stream", Json("""{"language":"cobol","code":"x"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Healthz_is_200_while_redis_answers()
    {
        var response = await _factory.CreateClient().GetAsync("/healthz");
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }
}
