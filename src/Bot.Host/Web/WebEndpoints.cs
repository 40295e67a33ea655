using CodeCube.Core.Contracts;
using CodeCube.Core.Moderation;
using CodeCube.Core.Running;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

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
        string id, [FromServices] ISnippetStore store, [FromServices] IModerationStore moderation,
        [FromServices] IPermalinks permalinks, [FromServices] IOptions<WebOptions> options, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is not null ? Pages.Snippet(snippet, permalinks.For(snippet.Id), options.Value.ReportUrl)
            : await MissingAsync(id, moderation, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> EmbedPageAsync(
        string id, [FromServices] ISnippetStore store, [FromServices] IModerationStore moderation,
        [FromServices] IPermalinks permalinks, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is not null ? Pages.Embed(snippet, permalinks.For(snippet.Id))
            : await MissingAsync(id, moderation, ct).ConfigureAwait(false);
    }

    /// <summary>The code as a file named after the snippet, with the language's first extension.</summary>
    private static async Task<IResult> DownloadAsync(
        string id, [FromServices] ISnippetStore store, [FromServices] IModerationStore moderation,
        [FromServices] ILanguageRegistry languages, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        if (snippet is null)
        {
            return await MissingAsync(id, moderation, ct).ConfigureAwait(false);
        }

        var extension = languages.TryResolve(snippet.Language, out var language) && language.Extensions.Count > 0
            ? language.Extensions[0]
            : ".txt";
        return Results.File(
            System.Text.Encoding.UTF8.GetBytes(snippet.Code), "text/plain; charset=utf-8", $"snippet-{snippet.Id}{extension}");
    }

    // A removed snippet is 410 on every page that would show it; an unknown one is 404.
    private static async Task<IResult> MissingAsync(string id, IModerationStore moderation, CancellationToken ct) =>
        await moderation.IsRemovedAsync(id, ct).ConfigureAwait(false)
            ? Pages.Gone()
            : Pages.NotFound("There is no snippet with that id.");

    private static async Task<IResult> RawAsync(
        string id, [FromServices] ISnippetStore store, [FromServices] IModerationStore moderation, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is not null ? Results.Text(snippet.Code, "text/plain; charset=utf-8")
            : await MissingAsync(id, moderation, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> SnippetJsonAsync(
        string id, [FromServices] ISnippetStore store, [FromServices] IModerationStore moderation,
        [FromServices] IPermalinks permalinks, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is not null ? Results.Ok(SnippetResponse.From(snippet, permalinks))
            : await moderation.IsRemovedAsync(id, ct).ConfigureAwait(false)
                ? Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Snippet removed", detail: "A moderator removed this snippet.")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown snippet", detail: "There is no snippet with that id.");
    }
}
