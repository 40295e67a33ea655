using System.Text.RegularExpressions;

namespace CodeCube.Host.Tests.Web;

[Collection(RedisCollection.Name)]
public sealed class PageTests(RedisServerFixture redis, ITestOutputHelper output) : IDisposable
{
    private const string Xss = "<script>alert(1)</script>";
    private readonly CodeCubeFactory _factory = new(redis.Configuration, output);

    public void Dispose() => _factory.Dispose();

    private async Task<string> RunAsync(HttpClient client, string code, string stdin = "")
    {
        var response = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code, stdin });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Snippet_page_shows_code_and_output_html_encoded()
    {
        var client = _factory.CreateClient();
        var id = await RunAsync(client, $"print {Xss}\neprint \"&'{Xss}\ninput", stdin: Xss);

        var html = await client.GetStringAsync($"/s/{id}");

        Assert.DoesNotContain(Xss, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&amp;&#x27;&lt;script&gt;", html, StringComparison.Ordinal);
        // The only script element is the page's own module, loaded from /js.
        Assert.Equal(1, CountOf(html, "<script"));
        Assert.Equal(1, CountOf(html, "<script src=\"/js/snippet.js\" type=\"module\">"));
    }

    [Fact]
    public async Task Snippet_page_lists_the_run_details()
    {
        var client = _factory.CreateClient();
        var id = await RunAsync(client, "print hi");

        var html = await client.GetStringAsync($"/s/{id}");

        Assert.Contains("python 3.11.2", html, StringComparison.Ordinal);
        Assert.Contains("completed", html, StringComparison.Ordinal);
        Assert.Contains("42 ms", html, StringComparison.Ordinal);
        Assert.Contains("anonymous", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/?from={id}\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"run-again\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_send_a_strict_content_security_policy_and_hardening_headers()
    {
        var client = _factory.CreateClient();
        var id = await RunAsync(client, "print hi");

        foreach (var path in new[] { "/", $"/s/{id}", "/s/AAAAAAAAAAAA", "/languages", "/api/v1/languages", "/js/playground.js" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task A_page_with_a_script_admits_only_styles_carrying_its_own_fresh_nonce()
    {
        var client = _factory.CreateClient();
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await client.GetAsync("/");
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            var html = await response.Content.ReadAsStringAsync();

            var nonce = Regex.Match(csp, "style-src 'self' 'nonce-([A-Za-z0-9+/=]{24})';").Groups[1].Value;
            Assert.NotEmpty(nonce);
            Assert.Contains($"<meta name=\"csp-nonce\" nonce=\"{nonce}\">", html, StringComparison.Ordinal);
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            nonces.Add(nonce);
        }

        Assert.NotEqual(nonces[0], nonces[1]);
        // Pages without a script and everything else get no nonce at all.
        foreach (var path in new[] { "/languages", "/s/AAAAAAAAAAAA", "/api/v1/languages", "/css/site.css" })
        {
            var csp = (await client.GetAsync(path)).Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("nonce", csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Languages_page_lists_every_language_by_kind_html_encoded()
    {
        var html = await _factory.CreateClient().GetStringAsync("/languages");

        Assert.Contains("<h2 id=\"kind-scripting\">scripting</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"kind-systems\">compiled</h2>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<tr id=\"python\"><td><code>python</code></td><td>py, python3</td><td>3.11.2</td><td>no</td><td>with numpy, sympy</td></tr>",
            html, StringComparison.Ordinal);
        Assert.Contains("<td>12.2.0</td><td>yes</td><td>reads &lt;stdin&gt; &amp; args</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<stdin>", html, StringComparison.Ordinal);
        Assert.Equal(0, CountOf(html, "<script"));
    }

    [Fact]
    public async Task Playground_has_the_language_picker_and_no_inline_script()
    {
        var html = await _factory.CreateClient().GetStringAsync("/");

        // The picker is rendered with the page, grouped by kind as /languages and !langs list them, with the aliases
        // the filter box matches; every field has its label.
        Assert.Contains("<option value=\"python\" data-aliases=\"py python3\">python 3.11.2</option>", html, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"scripting\">\n<option value=\"javascript\" data-aliases=\"js node\">javascript 20.19.0</option>\n<option value=\"python\"",
            html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<optgroup label=\"shell and text\">", StringComparison.Ordinal)
            < html.IndexOf("<optgroup label=\"compiled\">", StringComparison.Ordinal));
        foreach (var field in new[] { "language", "language-search", "args", "stdin" })
        {
            Assert.Contains($"<label for=\"{field}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<div id=\"editor\"", html, StringComparison.Ordinal);
        Assert.Equal(CountOf(html, "<script"), CountOf(html, "<script src=\"/js/"));
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }

    [Fact]
    public async Task Raw_serves_the_code_as_utf8_plain_text_with_nosniff()
    {
        var client = _factory.CreateClient();
        var code = $"print {Xss} é";
        var id = await RunAsync(client, code);

        var response = await client.GetAsync($"/s/{id}/raw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(code, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/s/AAAAAAAAAAAA")]
    [InlineData("/s/AAAAAAAAAAAA/raw")]
    [InlineData("/s/not-an-id")]
    public async Task Unknown_snippet_is_a_404_page(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no snippet with that id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
