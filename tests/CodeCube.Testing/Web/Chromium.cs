using Microsoft.Playwright;

namespace CodeCube.Testing.Web;

/// <summary>Debian's Chromium (/usr/bin/chromium) driven by Playwright, headless, for the pages people look at.</summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>
    /// Bounds every action and expectation on its pages: two cores shared with other test runs need it generous, and
    /// it never hides a missing element.
    /// </summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<Chromium> LaunchAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A new page; its <see cref="WatchedPage.Dialogs"/> and console errors are counted for the test to check.</summary>
    public async Task<WatchedPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        return new WatchedPage(page);
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}

/// <summary>A page and what it did that a person would notice: dialogs (an XSS alert, say) and console errors.</summary>
public sealed class WatchedPage
{
    private readonly ConcurrentQueue<string> consoleErrors = new();
    private int dialogs;

    internal WatchedPage(IPage page)
    {
        Page = page;
        page.Dialog += (_, dialog) =>
        {
            Interlocked.Increment(ref dialogs);
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Enqueue($"{message.Text} at {message.Location}");
            }
        };
    }

    public IPage Page { get; }

    public int Dialogs => Volatile.Read(ref dialogs);

    public IReadOnlyList<string> ConsoleErrors => [.. consoleErrors];
}
