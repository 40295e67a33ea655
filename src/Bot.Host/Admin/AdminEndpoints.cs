using CodeCube.Core.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Admin;

/// <summary>
/// The moderation API, all behind <see cref="AdminFilter"/> (bearer token, 404 while Admin:Token is unset) and the
/// admin rate limit: take a snippet down, ban and unban chat users, list recent runs.
/// </summary>
public static class AdminEndpoints
{
    public const string Policy = "admin";

    public const int DefaultRunsLimit = 50;

    public const int MaxRunsLimit = 500;

    public static IEndpointRouteBuilder MapCodeCubeAdmin(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/v1/snippets/{id}", DeleteSnippetAsync).AddEndpointFilter<AdminFilter>().RequireRateLimiting(Policy);

        var admin = app.MapGroup("/api/v1/admin").AddEndpointFilter<AdminFilter>().RequireRateLimiting(Policy);
        admin.MapGet("/bans", BansAsync);
        admin.MapPost("/bans", BanAsync);
        admin.MapDelete("/bans", UnbanAsync);
        admin.MapGet("/runs", RunsAsync);
        return app;
    }

    /// <summary>The body of <c>POST /api/v1/admin/bans</c>: <c>{"user": "discord:123"}</c>.</summary>
    public sealed record BanBody(string? User);

    private static async Task<IResult> DeleteSnippetAsync(
        string id, [FromServices] IModerationStore moderation, [FromServices] ILogger<AdminOptions> logger, CancellationToken ct)
    {
        if (await moderation.RemoveSnippetAsync(id, ct).ConfigureAwait(false))
        {
            logger.Moderated("removed snippet", id);
            return Results.NoContent();
        }

        return await moderation.IsRemovedAsync(id, ct).ConfigureAwait(false)
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown snippet", detail: "There is no snippet with that id.");
    }

    private static async Task<IResult> BansAsync([FromServices] IModerationStore moderation, CancellationToken ct) =>
        Results.Ok((await moderation.BansAsync(ct).ConfigureAwait(false)).Select(u => u.ToString()).ToList());

    private static async Task<IResult> BanAsync(
        BanBody? body, [FromServices] IModerationStore moderation, [FromServices] ILogger<AdminOptions> logger, CancellationToken ct)
    {
        if (!PlatformUser.TryParse(body?.User, out var user))
        {
            return BadUser();
        }

        var added = await moderation.BanAsync(user, ct).ConfigureAwait(false);
        logger.Moderated("banned", user.ToString());
        return added ? Results.Created((string?)null, new { user = user.ToString() }) : Results.Ok(new { user = user.ToString() });
    }

    private static async Task<IResult> UnbanAsync(
        [FromQuery] string? user, [FromServices] IModerationStore moderation, [FromServices] ILogger<AdminOptions> logger,
        CancellationToken ct)
    {
        if (!PlatformUser.TryParse(user, out var parsed))
        {
            return BadUser();
        }

        if (!await moderation.UnbanAsync(parsed, ct).ConfigureAwait(false))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not banned", detail: $"{parsed} is not banned.");
        }

        logger.Moderated("unbanned", parsed.ToString());
        return Results.NoContent();
    }

    private static async Task<IResult> RunsAsync(
        [FromQuery] int? limit, [FromServices] IModerationStore moderation, CancellationToken ct)
    {
        var n = limit ?? DefaultRunsLimit;
        if (n is < 1 or > MaxRunsLimit)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad limit",
                detail: $"limit must be between 1 and {MaxRunsLimit}.");
        }

        return Results.Ok(await moderation.RecentRunsAsync(n, ct).ConfigureAwait(false));
    }

    private static IResult BadUser() => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad user",
        detail: "Name the user as platform:id, e.g. {\"user\": \"discord:80351110224678912\"} or ?user=irc:nick.");
}

/// <summary>
/// 404 while no token is configured (the API does not exist then), 401 for a wrong or missing bearer token; every
/// call is logged with the client address and the answer.
/// </summary>
internal sealed class AdminFilter(IOptions<AdminOptions> options, ILogger<AdminFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = options.Value.Token;
        if (string.IsNullOrEmpty(token))
        {
            return Results.NotFound();
        }

        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var path = http.Request.Path.Value ?? "";
        if (!AdminToken.Matches(AdminToken.FromHeader(http.Request.Headers.Authorization), token))
        {
            logger.Denied(http.Request.Method, path, client);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send the admin token as Authorization: Bearer <token>.");
        }

        var result = await next(context).ConfigureAwait(false);
        logger.Called(http.Request.Method, path, client, (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK);
        return result;
    }
}
