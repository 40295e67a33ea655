using CodeCube.Adapters.Slack;

namespace CodeCube.Host.Web;

public static class SlackEventsEndpoint
{
    // Slack's event payloads are a few KB; the cap keeps an unauthenticated caller from making us buffer more.
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Maps the Events API request URLs: POST /slack/events, /slack/commands (slash commands) and
    /// /slack/interactive (shortcuts, buttons). The logic lives in <see cref="SlackEventsReceiver"/>; this only hands
    /// it the raw body and headers. Answers 404 when
    /// Slack is not configured for the Events API.
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/slack/events", (HttpContext context, CancellationToken ct) =>
            HandleAsync<SlackEventsReceiver>(context, (r, body, header) => r.Handle(body, header), ct)).DisableAntiforgery();
        endpoints.MapPost("/slack/commands", (HttpContext context, CancellationToken ct) =>
            HandleAsync<SlackEventsReceiver>(context, (r, body, header) => r.HandleCommand(body, header), ct)).DisableAntiforgery();
        endpoints.MapPost("/slack/interactive", (HttpContext context, CancellationToken ct) =>
            HandleAsync<SlackEventsReceiver>(context, (r, body, header) => r.HandleInteractive(body, header), ct)).DisableAntiforgery();
        return endpoints;
    }

    private delegate SlackHttpResponse Receive<in T>(T receiver, ReadOnlySpan<byte> body, Func<string, string?> header);

    private static async Task<IResult> HandleAsync<T>(HttpContext context, Receive<T> receive, CancellationToken ct)
        where T : class
    {
        var receiver = context.RequestServices.GetService<T>();
        if (receiver is null)
        {
            return Results.NotFound();
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var headers = context.Request.Headers;
        var answer = receive(receiver, buffer.GetBuffer().AsSpan(0, (int)buffer.Length),
            name => headers.TryGetValue(name, out var value) ? value.ToString() : null);
        return answer.Body is null
            ? Results.StatusCode(answer.StatusCode)
            : Results.Text(answer.Body, answer.ContentType, statusCode: answer.StatusCode);
    }
}
