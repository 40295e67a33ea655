using System.Text.RegularExpressions;
using CodeCube.EndToEnd.Tests.Infrastructure;
using CodeCube.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CodeCube.EndToEnd.Tests.Web;

/// <summary>
/// Debian's Chromium on the playground the real host serves, with the real Docker sandbox behind it: a program
/// printing a script tag runs for real, and both the live output and the permalink page show it as text.
/// </summary>
public sealed partial class PlaygroundEndToEndTests : IAsyncLifetime
{
    private const string Xss = "<script>alert(1)</script>";
    private readonly RedisServerFixture _redis = new();
    private CodeCubeApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _app = CodeCubeApp.Start(_redis.Configuration, new Dictionary<string, string?>());
        // Two cores shared with other test runs: allow slow, but never hide a missing element.
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Python_printing_a_script_tag_runs_in_the_sandbox_and_shows_as_text_live_and_on_the_permalink()
    {
        var page = await _browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            Interlocked.Increment(ref dialogs);
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync(_app.BaseUrl + "/");
        await page.SelectOptionAsync("#language", "python");
        await page.FillAsync("#code", "");
        await page.Locator("#code").PressSequentiallyAsync($"print('{Xss}')");
        await page.ClickAsync("#run");

        await Assertions.Expect(page.Locator("#permalink-line")).ToBeVisibleAsync();
        Assert.Equal($"{Xss}\n", await page.Locator("#output").TextContentAsync());
        Assert.Equal(0, await page.Locator("#output script").CountAsync());
        Assert.Contains("completed", await page.Locator("#result").TextContentAsync(), StringComparison.Ordinal);

        await page.ClickAsync("#permalink");
        await page.WaitForURLAsync(PermalinkPath());
        Assert.StartsWith(_app.BaseUrl + "/s/", page.Url, StringComparison.Ordinal);
        Assert.Contains($"print('{Xss}')", await page.Locator("#code").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal($"{Xss}\n", await page.Locator("#stdout").TextContentAsync());
        Assert.Equal(0, await page.Locator("#snippet script").CountAsync());
        Assert.Equal(0, Volatile.Read(ref dialogs));

        // The page and the API agree on what really ran.
        var snippet = await _app.SnippetAsync(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        Assert.Equal($"print('{Xss}')", snippet.Code);
        Assert.Equal($"{Xss}\n", snippet.Stdout);
    }

    [GeneratedRegex("/s/[0-9A-Za-z]+$")]
    private static partial Regex PermalinkPath();
}
