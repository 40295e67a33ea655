using CodeCube.Testing.Languages;
using CodeCube.Testing.Web;
using Microsoft.Playwright;

namespace CodeCube.Host.Tests.Web;

/// <summary>
/// The playground as a newcomer meets it, in Debian's Chromium against the real host (scripted sandbox): the
/// CodeMirror editor, ANSI colours, the URL state, phone and dark layouts, and an axe-core scan of every page.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class PlaygroundEditorTests(RedisServerFixture redis, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Xss = "<script>alert(1)</script>";
    private const string Editor = "#editor .cm-content";
    private readonly CodeCubeFactory _factory = new(redis.Configuration, output);
    private Chromium _chromium = null!;

    public async Task InitializeAsync()
    {
        _factory.ListenOnLoopback();
        _factory.StartServer();
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_newcomer_gets_a_highlighted_python_example_that_runs_with_ctrl_enter()
    {
        var watched = await _chromium.NewPageAsync();
        var page = watched.Page;

        await PlaygroundPage.OpenAsync(page, _factory.BaseUrl + "/");

        // The example is the greet program python's contract test runs, with that test's stdin.
        Assert.Equal("python", await page.InputValueAsync("#language"));
        Assert.Equal(Greet("python"), await PlaygroundPage.EditorTextAsync(page));
        Assert.Equal("World\n", await page.InputValueAsync("#stdin"));
        await Assertions.Expect(page.Locator("#editor .tok-keyword").First).ToHaveTextAsync("import");
        await Assertions.Expect(page.Locator("#editor .cm-lineNumbers")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#run kbd")).ToHaveTextAsync("Ctrl+Enter");

        await page.Locator(Editor).ClickAsync();
        await page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("completed · exit 0 · python 3.11.2 · 42 ms");
        // The scripted sandbox prints only "print X" lines: the example ran, and printed nothing it understands.
        Assert.Equal("", await page.Locator("#output").TextContentAsync());
        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task Every_language_in_the_picker_starts_with_its_contract_greet_program()
    {
        var watched = await _chromium.NewPageAsync();
        var page = watched.Page;
        await PlaygroundPage.OpenAsync(page, _factory.BaseUrl + "/");

        var ids = await page.Locator("#language option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        // The test host lists a few languages; build.mjs makes an example for every contract (and so every manifest id).
        Assert.Contains("c", ids);
        foreach (var id in ids)
        {
            await page.SelectOptionAsync("#language", id);
            Assert.Equal(Greet(id), await PlaygroundPage.EditorTextAsync(page));
            Assert.Equal(ContractTable.For(id).Stdin, await page.InputValueAsync("#stdin"));
        }

        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task Ansi_colours_become_styled_spans_and_markup_in_output_stays_text()
    {
        var watched = await _chromium.NewPageAsync();
        var page = watched.Page;
        await PlaygroundPage.OpenAsync(page, _factory.BaseUrl + "/");

        await PlaygroundPage.TypeCodeAsync(page, $"print \\e[1;31mred\\e[0m plain\neprint src/main.py:2: \\e[2J\\e[33m{Xss}");
        await page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(page.Locator("#permalink-line")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#output span.ansi-fg1.ansi-bold")).ToHaveTextAsync("red");
        // The editor closes brackets as they are typed, so each line ends in the "]" it added.
        await Assertions.Expect(page.Locator("#output span.stderr.ansi-fg3")).ToContainTextAsync(Xss);
        Assert.StartsWith($"red plain", await page.Locator("#output").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains($"src/main.py:2: {Xss}", await page.Locator("#output").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#output script").CountAsync());
        Assert.Equal(0, await page.Locator("#output [style]").CountAsync());

        // The error names line 2: its button puts the cursor there.
        await page.Locator("#problems button").ClickAsync();
        await Assertions.Expect(page.Locator("#editor .cm-activeLine")).ToContainTextAsync("eprint");

        // Copy output copies the text without its escape codes.
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.ClickAsync("#copy-output");
        await Assertions.Expect(page.Locator("#copy-output[data-copied='1']")).ToBeAttachedAsync();
        var copied = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.StartsWith("red plain", copied, StringComparison.Ordinal);
        Assert.Contains($"src/main.py:2: {Xss}", copied, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", copied, StringComparison.Ordinal);

        var href = await page.GetAttributeAsync("#permalink", "href");
        await page.GotoAsync(_factory.BaseUrl + href);
        await Assertions.Expect(page.Locator("#stdout span.ansi-fg1")).ToHaveTextAsync("red");
        await page.ClickAsync("#copy-output");
        await Assertions.Expect(page.Locator("#copy-output[data-copied='1']")).ToBeAttachedAsync();
        Assert.Equal("red plain\n", await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        Assert.Equal(0, await page.Locator("#snippet script").CountAsync());
        Assert.Equal(0, watched.Dialogs);
        // CodeMirror's <style> elements carry the response's nonce: the strict CSP refuses nothing on these pages.
        Assert.Empty(watched.ConsoleErrors);
    }

    [Fact]
    public async Task The_status_line_names_the_limit_a_run_hit()
    {
        var page = (await _chromium.NewPageAsync()).Page;
        await PlaygroundPage.OpenAsync(page, _factory.BaseUrl + "/");

        await PlaygroundPage.TypeCodeAsync(page, "print tick\ntimeout");
        await page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(page.Locator("#result"))
            .ToHaveTextAsync("timed out · killed after 10 s: still running · python 3.11.2 · 42 ms");
        await Assertions.Expect(page.Locator("#result")).ToHaveClassAsync("result outcome-timed_out");
    }

    [Fact]
    public async Task Language_and_half_written_code_travel_in_the_url()
    {
        var page = (await _chromium.NewPageAsync()).Page;
        await PlaygroundPage.OpenAsync(page, _factory.BaseUrl + "/");

        await page.FillAsync("#language-search", "sh");
        await page.PressAsync("#language-search", "Enter");
        await PlaygroundPage.TypeCodeAsync(page, "echo 'half <b> written'\nfor x in");
        await Assertions.Expect(page.Locator("#editor .cm-line")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#run-form[data-url-saved='1']")).ToBeAttachedAsync();
        var shared = page.Url;
        Assert.Contains("lang=bash", shared, StringComparison.Ordinal);

        var other = (await _chromium.NewPageAsync()).Page;
        await PlaygroundPage.OpenAsync(other, shared);

        Assert.Equal("bash", await other.InputValueAsync("#language"));
        Assert.Equal("echo 'half <b> written'\nfor x in", await PlaygroundPage.EditorTextAsync(other));
        // The last language used is remembered for the next visit without a link.
        await PlaygroundPage.OpenAsync(other, _factory.BaseUrl + "/");
        Assert.Equal("bash", await other.InputValueAsync("#language"));
    }

    [Fact]
    public async Task Every_page_passes_axe_on_a_phone_and_in_dark_mode()
    {
        var watched = await _chromium.NewPageAsync();
        var page = watched.Page;
        await PlaygroundPage.OpenAsync(page, _factory.BaseUrl + "/");
        await PlaygroundPage.TypeCodeAsync(page, "print \\e[32mok\\e[0m\neprint warning");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("#permalink-line")).ToBeVisibleAsync();
        var snippet = await page.GetAttributeAsync("#permalink", "href");
        var id = snippet![(snippet!.LastIndexOf('/') + 1)..];

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
            foreach (var (name, width) in new[] { ("desktop", 1280), ("phone", 360) })
            {
                await page.SetViewportSizeAsync(width, 740);
                foreach (var (pageName, path) in new[] { ("playground", "/"), ("snippet", "/s/" + id), ("embed", "/e/" + id), ("languages", "/languages") })
                {
                    if (path == "/")
                    {
                        await PlaygroundPage.OpenAsync(page, _factory.BaseUrl + path);
                    }
                    else
                    {
                        await page.GotoAsync(_factory.BaseUrl + path);
                        if (pageName != "languages")
                        {
                            await Assertions.Expect(page.Locator("#code-view .cm-content")).ToBeVisibleAsync();
                        }
                    }

                    // Nothing sticks out sideways on a phone.
                    Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{pageName} scrolls sideways at {width} px");
                    await PlaygroundPage.ScreenshotAsync(page, $"{pageName}-{name}-{scheme.ToString().ToLowerInvariant()}");
                    var violations = await PlaygroundPage.SeriousAccessibilityViolationsAsync(page);
                    Assert.True(violations.Count == 0, $"{pageName} at {width} px, {scheme}:\n" + string.Join('\n', violations));
                }
            }
        }

        Assert.Empty(watched.ConsoleErrors);
    }

    // The greet program the language's contract test runs (the contract tests read the same files).
    private static string Greet(string id) => ContractTable.Code(id, ContractTable.Greet)!.ReplaceLineEndings("\n");
}
