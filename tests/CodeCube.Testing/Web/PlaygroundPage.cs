using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CodeCube.Testing.Web;

/// <summary>
/// What a person does on the playground and snippet pages, for Playwright tests: type into the CodeMirror editor
/// with the keyboard, read back what it shows, save a screenshot, and scan the page with axe-core.
/// </summary>
public static class PlaygroundPage
{
    private const string Editor = "#editor .cm-content";

    /// <summary>Opens the playground and waits until its editor is ready.</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        // The editor bundle is built, not committed: say how to get it rather than time out on a page without it.
        var bundle = Path.Combine(Path.GetDirectoryName(RepoPaths.Images)!, "src", "Bot.Host", "wwwroot", "bundle", "editor.js");
        if (!File.Exists(bundle))
        {
            throw new InvalidOperationException($"{bundle} is missing: run scripts/web-bundle.sh (./test.sh does)");
        }

        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("#run-form[data-ready='1']")).ToBeAttachedAsync();
    }

    /// <summary>Replaces the editor's text by typing, as a person would (Ctrl+A, Delete, then key by key).</summary>
    public static async Task TypeCodeAsync(IPage page, string text)
    {
        var editor = page.Locator(Editor);
        await editor.ClickAsync();
        await editor.PressAsync("Control+a");
        await editor.PressAsync("Delete");
        await editor.PressSequentiallyAsync(text);
    }

    /// <summary>The editor's text, one line per rendered CodeMirror line (every line of a short program is rendered).</summary>
    public static async Task<string> EditorTextAsync(IPage page, string editor = "#editor") =>
        string.Join('\n', await page.Locator(editor + " .cm-line").AllTextContentsAsync());

    /// <summary>Saves a full-page screenshot into the folder CODECUBE_SCREENSHOTS names (test artifacts); no-op without it.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("CODECUBE_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    /// <summary>axe-core's serious and critical violations on the page as it is now, one line each (empty when clean).</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}: {v.Help}")
            .ToList();
    }
}
