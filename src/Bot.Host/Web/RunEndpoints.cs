using System.Text.Json;
using System.Threading.Channels;
using CodeCube.Core.Contracts;
using CodeCube.Core.Quotas;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using CodeCube.Core.Running;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Web;

/// <summary><c>POST /api/v1/run</c> (one JSON answer) and <c>POST /api/v1/run/stream</c> (live output as SSE).</summary>
public static class RunEndpoints
{
    public static async Task<IResult> RunAsync(
        HttpContext http,
        [FromServices] RunInputReader reader,
        [FromServices] RunGate gate,
        [FromServices] IRunService runs)
    {
        var (input, problem) = await reader.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (input is null)
        {
            return problem!;
        }

        if (!gate.TryAdmit(ClientAddress.KeyFor(http), out var ticket, out var refusal))
        {
            return Refused(http, refusal);
        }

        using var admitted = ticket;
        try
        {
            var record = await runs.RunAsync(
                ticket, input.Request, AnonymousUser.AuthorFor(http), AnonymousUser.Origin, input.ParentId, null, http.RequestAborted).ConfigureAwait(false);
            return Results.Ok(RunResponse.From(record));
        }
        catch (SandboxUnavailableException)
        {
            return NoSandbox();
        }
    }

    /// <summary>
    /// Streams <c>output</c> events while the program runs, then one <c>result</c> event (or <c>error</c>).
    /// Validation failures are answered before the stream starts, as ordinary problem details.
    /// </summary>
    public static async Task StreamAsync(
        HttpContext http,
        [FromServices] RunInputReader reader,
        [FromServices] RunGate gate,
        [FromServices] IRunService runs,
        [FromServices] IOptions<JsonOptions> json,
        [FromServices] ILogger<RunInput> logger)
    {
        var ct = http.RequestAborted;
        var (input, problem) = await reader.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (input is null)
        {
            await problem!.ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        // Refused before the first byte of the stream, so the client sees a plain 503 with Retry-After.
        if (!gate.TryAdmit(ClientAddress.KeyFor(http), out var ticket, out var refusal))
        {
            await Refused(http, refusal).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        using var admitted = ticket;
        var author = AnonymousUser.AuthorFor(http);
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        // Reverse proxies (nginx) buffer responses unless told not to, which would defeat the live view.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync(": running\n\n", ct).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(ct).ConfigureAwait(false);

        // The sandbox reports from its own threads; the channel keeps chunks in order for the one writer here.
        // Unbounded is safe because the sandbox caps stdout and stderr.
        var chunks = Channel.CreateUnbounded<OutputChunk>(new UnboundedChannelOptions { SingleReader = true });
        var run = RunAndCompleteAsync(runs, ticket, input, author, new ChannelProgress(chunks.Writer), chunks.Writer, ct);
        var options = json.Value.SerializerOptions;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                var stream = chunk.Stream == OutputStream.Stderr ? "stderr" : "stdout";
                await WriteEventAsync(http.Response, "output", new OutputEvent(stream, chunk.Text), options, ct).ConfigureAwait(false);
            }

            var record = await run.ConfigureAwait(false);
            await WriteEventAsync(http.Response, "result", RunResponse.From(record), options, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The browser went away and the run is cancelled with it; wait for it so nothing outlives the request.
            await Task.WhenAny(run).ConfigureAwait(false);
            _ = run.Exception;
        }
        catch (SandboxUnavailableException)
        {
            var error = new { title = "No sandbox available", detail = NoSandboxDetail };
            await WriteEventAsync(http.Response, "error", error, options, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.StreamFailed(ex);
            var error = new { title = "Run failed", detail = "The run could not be completed or stored; try again later." };
            await WriteEventAsync(http.Response, "error", error, options, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private const string NoSandboxDetail = "No sandbox worker is available right now; try again in a minute.";

    private static IResult NoSandbox() => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "No sandbox available", detail: NoSandboxDetail);

    private static async Task<RunRecord> RunAndCompleteAsync(
        IRunService runs, RunTicket ticket, RunInput input, SnippetAuthor author, IProgress<OutputChunk> progress,
        ChannelWriter<OutputChunk> writer, CancellationToken ct)
    {
        try
        {
            return await runs.RunAsync(ticket, input.Request, author, AnonymousUser.Origin, input.ParentId, progress, ct).ConfigureAwait(false);
        }
        finally
        {
            // The run is over: give the client's place back before the result event goes out. Released only when the
            // handler returned, a client acting at once on the result (the playground's "Run again" on the permalink
            // it just got) could still be counted as running and be refused as busy.
            ticket.Dispose();
            writer.TryComplete();
        }
    }

    /// <summary>503 with Retry-After and a problem body that says whose limit it was; counted like chat refusals.</summary>
    private static IResult Refused(HttpContext http, RunRefusal refusal)
    {
        http.RequestServices.GetRequiredService<RunMetrics>().Refused(refusal.Reason.ToWire(), AnonymousUser.Origin.Platform);
        var seconds = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return refusal.Reason == RunRefusalReason.ClientBusy
            ? Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many runs at once",
                detail: $"This address already has runs going; wait for them to finish or retry in {seconds} s.")
            : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy",
                detail: $"Every run slot is taken and the queue is full; retry in {seconds} s.");
    }

    private static async Task WriteEventAsync<T>(HttpResponse response, string name, T data, JsonSerializerOptions options, CancellationToken ct)
    {
        // JSON never contains a raw newline, so one data line per event is always well-formed SSE.
        var payload = JsonSerializer.Serialize(data, options);
        await response.WriteAsync($"event: {name}\ndata: {payload}\n\n", ct).ConfigureAwait(false);
        await response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Reports synchronously into the channel (Progress&lt;T&gt; would post to the thread pool and reorder).</summary>
    private sealed class ChannelProgress(ChannelWriter<OutputChunk> writer) : IProgress<OutputChunk>
    {
        public void Report(OutputChunk value) => writer.TryWrite(value);
    }
}
