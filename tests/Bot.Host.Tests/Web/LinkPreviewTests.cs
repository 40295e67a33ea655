namespace CodeCube.Host.Tests.Web;

/// <summary>What a chat platform's unfurler reads from a permalink, the embed view's framing rule, and the download.</summary>
[Collection(RedisCollection.Name)]
public sealed class LinkPreviewTests(RedisServerFixture redis, ITestOutputHelper output) : IDisposable
{
    private readonly CodeCubeFactory _factory = new(redis.Configuration, output);

    public void Dispose() => _factory.Dispose();

    private async Task<string> RunAsync(HttpClient client, string code)
    {
        var response = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Snippet_page_has_open_graph_and_twitter_tags_with_escaped_cut_output()
    {
        var client = _factory.CreateClient();
        var lines = string.Concat(Enumerable.Range(1, 6).Select(i => $"print line{i}\n"));
        var id = await RunAsync(client, "print \u001b[31m<script>\"x\"&</script>\u001b[0m\n" + lines + "exit 3");

        var html = await client.GetStringAsync($"/s/{id}");

        Assert.Contains("<meta property=\"og:title\" content=\"python · exit 3 · 42 ms\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"", html, StringComparison.Ordinal);
        Assert.Matches($"<meta property=\"og:url\" content=\"[^\"]*/s/{id}\">", html);
        // First four lines, escape codes dropped, markup encoded, and an ellipsis where it was cut.
        Assert.Contains(
            "<meta property=\"og:description\" content=\"&lt;script&gt;&quot;x&quot;&amp;&lt;/script&gt;&#xA;line1&#xA;line2&#xA;line3…\">",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", html.Split("</head>")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_embed_view_may_be_framed()
    {
        var client = _factory.CreateClient();
        var id = await RunAsync(client, "print hi");

        var embed = await client.GetAsync($"/e/{id}");
        var page = await client.GetAsync($"/s/{id}");

        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        Assert.Contains("frame-ancestors *", string.Join(";", embed.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.False(embed.Headers.Contains("X-Frame-Options"));
        Assert.Contains("script-src 'self'", string.Join(";", embed.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("hi", await embed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"href=\"/e/{id}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_names_the_file_after_the_snippet_and_the_language()
    {
        var client = _factory.CreateClient();
        var id = await RunAsync(client, "print <b>");

        var response = await client.GetAsync($"/s/{id}/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"snippet-{id}.py", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("print <b>", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/e/AAAAAAAAAAAA")).StatusCode);
    }
}
