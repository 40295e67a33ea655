using System.Text.RegularExpressions;
using CodeCube.Testing.Web;
using Microsoft.Playwright;

namespace CodeCube.EndToEnd.Tests.Web;

/// <summary>
/// Debian's Chromium on the playground the real host serves, with the real Docker sandbox behind it: a program
/// printing a script tag runs for real, and both the live output and the permalink page show it as text.
/// </summary>
public sealed partial class PlaygroundEndToEndTests(ITestOutputHelper output) : EndToEndTest(output)
{
    private const string Xss = "<script>alert(1)</script>";
    private Chromium _chromium = null!;

    protected override async Task HostStartedAsync() => _chromium = await Chromium.LaunchAsync();

    protected override async ValueTask StopAroundAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    [Fact]
    public async Task Python_printing_a_script_tag_runs_in_the_sandbox_and_shows_as_text_live_and_on_the_permalink()
    {
        var watched = await _chromium.NewPageAsync();
        var page = watched.Page;

        await PlaygroundPage.OpenAsync(page, App.BaseUrl + "/");
        await page.SelectOptionAsync("#language", "python");
        await PlaygroundPage.TypeCodeAsync(page, $"print('{Xss}')");
        await page.Keyboard.PressAsync("Control+Enter");

        await Assertions.Expect(page.Locator("#permalink-line")).ToBeVisibleAsync();
        Assert.Equal($"{Xss}\n", await page.Locator("#output").TextContentAsync());
        Assert.Equal(0, await page.Locator("#output script").CountAsync());
        Assert.Contains("completed", await page.Locator("#result").TextContentAsync(), StringComparison.Ordinal);

        await page.ClickAsync("#permalink");
        await page.WaitForURLAsync(PermalinkPath());
        Assert.StartsWith(App.BaseUrl + "/s/", page.Url, StringComparison.Ordinal);
        Assert.Contains($"print('{Xss}')", await page.Locator("#code").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal($"{Xss}\n", await page.Locator("#stdout").TextContentAsync());
        Assert.Equal(0, await page.Locator("#snippet script").CountAsync());
        Assert.Equal(0, watched.Dialogs);

        // The page and the API agree on what really ran.
        var snippet = await App.SnippetAsync(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        Assert.Equal($"print('{Xss}')", snippet.Code);
        Assert.Equal($"{Xss}\n", snippet.Stdout);
    }

    [GeneratedRegex("/s/[0-9A-Za-z]+$")]
    private static partial Regex PermalinkPath();
}
