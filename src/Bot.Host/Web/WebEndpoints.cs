using CodeCube.Core.Contracts;
using CodeCube.Core.Running;
using Microsoft.AspNetCore.Mvc;

namespace CodeCube.Host.Web;

/// <summary>Pages and the JSON API.</summary>
public static class WebEndpoints
{
    public const string RunPolicy = "runs";

    public static IEndpointRouteBuilder MapCodeCubeWeb(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Pages.Playground);
        app.MapGet("/s/{id}", SnippetPageAsync);
        app.MapGet("/e/{id}", EmbedPageAsync);
        app.MapGet("/s/{id}/raw", RawAsync);
        app.MapGet("/s/{id}/download", DownloadAsync);

        var api = app.MapGroup("/api/v1");
        api.MapPost("/run", RunEndpoints.RunAsync).RequireRateLimiting(RunPolicy);
        api.MapPost("/run/stream", RunEndpoints.StreamAsync).RequireRateLimiting(RunPolicy);
        api.MapGet("/snippets/{id}", SnippetJsonAsync);
        api.MapGet("/languages", ([FromServices] ILanguageRegistry languages) =>
            Results.Ok(languages.All.Select(LanguageResponse.From).ToList()));
        return app;
    }

    private static async Task<IResult> SnippetPageAsync(
        string id, [FromServices] ISnippetStore store, [FromServices] IPermalinks permalinks, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is null ? Pages.NotFound("There is no snippet with that id.") : Pages.Snippet(snippet, permalinks.For(snippet.Id));
    }

    private static async Task<IResult> EmbedPageAsync(
        string id, [FromServices] ISnippetStore store, [FromServices] IPermalinks permalinks, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is null ? Pages.NotFound("There is no snippet with that id.") : Pages.Embed(snippet, permalinks.For(snippet.Id));
    }

    /// <summary>The code as a file named after the snippet, with the language's first extension.</summary>
    private static async Task<IResult> DownloadAsync(
        string id, [FromServices] ISnippetStore store, [FromServices] ILanguageRegistry languages, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        if (snippet is null)
        {
            return Pages.NotFound("There is no snippet with that id.");
        }

        var extension = languages.TryResolve(snippet.Language, out var language) && language.Extensions.Count > 0
            ? language.Extensions[0]
            : ".txt";
        return Results.File(
            System.Text.Encoding.UTF8.GetBytes(snippet.Code), "text/plain; charset=utf-8", $"snippet-{snippet.Id}{extension}");
    }

    private static async Task<IResult> RawAsync(string id, [FromServices] ISnippetStore store, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is null
            ? Pages.NotFound("There is no snippet with that id.")
            : Results.Text(snippet.Code, "text/plain; charset=utf-8");
    }

    private static async Task<IResult> SnippetJsonAsync(
        string id, [FromServices] ISnippetStore store, [FromServices] IPermalinks permalinks, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown snippet", detail: "There is no snippet with that id.")
            : Results.Ok(SnippetResponse.From(snippet, permalinks));
    }
}
