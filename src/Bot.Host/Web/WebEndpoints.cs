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
        app.MapGet("/", ([FromServices] ILanguageRegistry languages) => Pages.Playground(languages));
        app.MapGet("/languages", ([FromServices] ILanguageRegistry languages) => LanguagesPage.Render(languages));
        app.MapGet("/s/{id}", SnippetPageAsync);
        app.MapGet("/s/{id}/raw", RawAsync);

        var api = app.MapGroup("/api/v1");
        api.MapPost("/run", RunEndpoints.RunAsync).RequireRateLimiting(RunPolicy);
        api.MapPost("/run/stream", RunEndpoints.StreamAsync).RequireRateLimiting(RunPolicy);
        api.MapGet("/snippets/{id}", SnippetJsonAsync);
        api.MapGet("/languages", ([FromServices] ILanguageRegistry languages) =>
            Results.Ok(languages.All.Select(LanguageResponse.From).ToList()));
        return app;
    }

    private static async Task<IResult> SnippetPageAsync(string id, [FromServices] ISnippetStore store, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is null ? Pages.NotFound("There is no snippet with that id.") : Pages.Snippet(snippet);
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
