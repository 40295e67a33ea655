namespace CodeCube.EndToEnd.Tests.Infrastructure;

internal static class Languages
{
    private sealed record LanguageView(string Id, string Version);

    /// <summary>The python version the host reports (from the built images), which every footer must show.</summary>
    public static async Task<string> PythonVersionAsync(this CodeCubeApp app)
    {
        var all = await app.Http.GetFromJsonAsync<List<LanguageView>>("/api/v1/languages");
        return Assert.Single(all!, l => l.Id == "python").Version;
    }
}
