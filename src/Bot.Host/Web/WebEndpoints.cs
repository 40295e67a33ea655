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
        app.MapGet("/s/{id}/raw", RawAsync);

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
        [FromServices] IOptions<WebOptions> options, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is not null ? Pages.Snippet(snippet, options.Value.ReportUrl)
            : await moderation.IsRemovedAsync(id, ct).ConfigureAwait(false) ? Pages.Gone()
            : Pages.NotFound("There is no snippet with that id.");
    }

    private static async Task<IResult> RawAsync(
        string id, [FromServices] ISnippetStore store, [FromServices] IModerationStore moderation, CancellationToken ct)
    {
        var snippet = await store.GetAsync(id, ct).ConfigureAwait(false);
        return snippet is not null ? Results.Text(snippet.Code, "text/plain; charset=utf-8")
            : await moderation.IsRemovedAsync(id, ct).ConfigureAwait(false) ? Pages.Gone()
            : Pages.NotFound("There is no snippet with that id.");
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
