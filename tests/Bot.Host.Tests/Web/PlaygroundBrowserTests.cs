using CodeCube.Testing.Web;
using Microsoft.Playwright;

namespace CodeCube.Host.Tests.Web;

/// <summary>
/// The real host on Kestrel (a browser cannot reach TestServer) and Debian's Chromium driven by Playwright.
/// The sandbox double holds the run after its first chunk until the test has seen that chunk on the page, which
/// proves the output is live without measuring any time.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class PlaygroundBrowserTests(RedisServerFixture redis, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Xss = "<script>alert(1)</script>";
    private readonly CodeCubeFactory _factory = new(redis.Configuration, output);
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        _factory.ListenOnLoopback();
        _factory.StartServer();
        _factory.Sandbox.ChunkDelay = TimeSpan.FromMilliseconds(50);
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Output_appears_live_and_the_permalink_shows_script_tags_as_text()
    {
        using var hold = new SemaphoreSlim(0);
        _factory.Sandbox.HoldAfterFirstChunk = hold;
        var watched = await _chromium.NewPageAsync();
        var page = watched.Page;

        await PlaygroundPage.OpenAsync(page, _factory.BaseUrl + "/");
        await page.SelectOptionAsync("#language", "python");
        // Tab indents the line and Shift+Tab takes the indent back, both without leaving the editor.
        var editor = page.Locator("#editor .cm-content");
        await PlaygroundPage.TypeCodeAsync(page, "print first");
        await editor.PressAsync("Tab");
        Assert.Equal("    print first", await PlaygroundPage.EditorTextAsync(page));
        await editor.PressAsync("Shift+Tab");
        Assert.Equal("print first", await PlaygroundPage.EditorTextAsync(page));
        await editor.PressSequentiallyAsync($"\nprint {Xss}\neprint {Xss}\nprint last");
        await page.FillAsync("#stdin", "ignored");
        await page.ClickAsync("#run");

        // The first chunk is on the page while the program is still held mid-run: the output is streamed.
        await Assertions.Expect(page.Locator("#output")).ToContainTextAsync("first");
        Assert.Equal("", await page.Locator("#result").TextContentAsync());
        Assert.True(await page.Locator("#permalink-line").IsHiddenAsync());
        hold.Release();

        await Assertions.Expect(page.Locator("#permalink-line")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#output")).ToContainTextAsync("last");
        Assert.Equal($"first\n{Xss}\n{Xss}\nlast\n", await page.Locator("#output").TextContentAsync());
        Assert.Equal(0, await page.Locator("#output script").CountAsync());
        Assert.Contains("completed", await page.Locator("#result").TextContentAsync(), StringComparison.Ordinal);
        await PlaygroundPage.ScreenshotAsync(page, "playground");

        await OpenPermalinkAsync(page);
        await Assertions.Expect(page.Locator("#code")).ToContainTextAsync(Xss);
        Assert.Contains($"print {Xss}", await page.Locator("#code").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal($"first\n{Xss}\nlast\n", await page.Locator("#stdout").TextContentAsync());
        Assert.Equal($"{Xss}\n", await page.Locator("#stderr").TextContentAsync());
        Assert.Equal(0, await page.Locator("#snippet script").CountAsync());
        await PlaygroundPage.ScreenshotAsync(page, "snippet");

        Assert.Equal(0, watched.Dialogs);
        // CodeMirror's <style> elements carry the response's nonce: the strict CSP refuses nothing on these pages.
        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task Edit_as_new_snippet_prefills_the_playground_and_the_new_run_links_its_parent()
    {
        var page = (await _chromium.NewPageAsync()).Page;
        await PlaygroundPage.OpenAsync(page, _factory.BaseUrl + "/");
        await PlaygroundPage.TypeCodeAsync(page, "print original");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#permalink-line")).ToBeVisibleAsync();
        await OpenPermalinkAsync(page);
        var parentId = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        await page.ClickAsync("#edit");
        await Assertions.Expect(page.Locator("#run-form[data-ready='1']")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#parent-note")).ToBeVisibleAsync();
        Assert.Equal("print original", await PlaygroundPage.EditorTextAsync(page));
        await PlaygroundPage.TypeCodeAsync(page, "print edited");
        await page.Locator("#editor .cm-content").PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("#permalink-line")).ToBeVisibleAsync();
        await OpenPermalinkAsync(page);

        Assert.NotEqual(parentId, page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        Assert.Equal("edited\n", await page.Locator("#stdout").TextContentAsync());
        await Assertions.Expect(page.Locator($"a[href=\"/s/{parentId}\"]")).ToBeVisibleAsync();

        // "Run again" makes another snippet whose parent is the one we were on.
        var editedId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await page.ClickAsync("#run-again");
        // A refused or failed run shows its reason in #status instead of navigating: fail with that reason at once.
        // Only the URL and a locator are read, so the page navigating away mid-poll is fine.
        string? status = null;
        await Eventually.TrueAsync(async () =>
        {
            if (!page.Url.EndsWith(editedId, StringComparison.Ordinal))
            {
                return true;
            }

            status = await page.Locator("#status").TextContentAsync();
            return status is not ("" or "Running…" or null);
        }, "Run again to navigate to a new snippet", TimeSpan.FromSeconds(60));
        Assert.False(page.Url.EndsWith(editedId, StringComparison.Ordinal), "Run again did not navigate: " + status);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Assertions.Expect(page.Locator($"a[href=\"/s/{editedId}\"]")).ToBeVisibleAsync();
        Assert.Equal("edited\n", await page.Locator("#stdout").TextContentAsync());
    }

    /// <summary>
    /// Follows the permalink the page shows. Navigating to its href (rather than clicking) keeps the test from
    /// racing the still-open run stream on a loaded machine; the href itself is what a person's click follows.
    /// </summary>
    private async Task OpenPermalinkAsync(IPage page)
    {
        var href = await page.GetAttributeAsync("#permalink", "href");
        Assert.Matches("^/s/[0-9A-Za-z]+$", href);
        await page.GotoAsync(_factory.BaseUrl + href);
    }
}
