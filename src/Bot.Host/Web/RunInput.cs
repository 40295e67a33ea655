using System.Text;
using System.Text.Json;
using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Web;

/// <summary>The JSON body of <c>POST /api/v1/run</c> and <c>/api/v1/run/stream</c>.</summary>
public sealed record RunBody(string? Language, string? Code, string? Stdin, IReadOnlyList<string>? Args, string? ParentId);

/// <summary>A validated run: language resolved, sizes within limits, parent known.</summary>
public sealed record RunInput(LanguageInfo Language, RunRequest Request, string? ParentId);

/// <summary>Reads and checks a run body. Every refusal is a problem details result whose detail says what to fix.</summary>
public sealed class RunInputReader(
    IOptions<WebOptions> options, IOptions<InputLimitsOptions> inputLimits, ILanguageRegistry languages, ISnippetStore store)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    public async Task<(RunInput? Input, IResult? Problem)> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        var limits = options.Value;
        if (!http.HasJsonContentType())
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the run as JSON with Content-Type: application/json.");
        }

        if (http.ContentLength > limits.MaxRequestBytes)
        {
            return TooBig(limits.MaxRequestBytes);
        }

        var body = await ReadCappedAsync(http.Body, limits.MaxRequestBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return TooBig(limits.MaxRequestBytes);
        }

        RunBody? run;
        try
        {
            run = JsonSerializer.Deserialize<RunBody>(body, Json);
        }
        catch (JsonException ex)
        {
            return Fail(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The request body is not valid JSON for a run ({ex.Message}). Expected {{\"language\": \"python\", \"code\": \"print(1)\"}}.");
        }

        if (run is null || string.IsNullOrWhiteSpace(run.Language))
        {
            return Fail(StatusCodes.Status400BadRequest, "Missing language", "Set \"language\" to a language id such as \"python\"; GET /api/v1/languages lists them.");
        }

        if (string.IsNullOrEmpty(run.Code))
        {
            return Fail(StatusCodes.Status400BadRequest, "Missing code", "Set \"code\" to the program to run; it is empty.");
        }

        if (!languages.TryResolve(run.Language, out var language))
        {
            var close = languages.Suggest(run.Language);
            var hint = close.Count > 0 ? $" Did you mean: {string.Join(", ", close)}?" : " GET /api/v1/languages lists them.";
            return (null, Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown language",
                detail: $"Unknown language '{Clip(run.Language)}'.{hint}",
                extensions: new Dictionary<string, object?> { ["suggestions"] = close }));
        }

        var sizes = inputLimits.Value;
        var codeBytes = Encoding.UTF8.GetByteCount(run.Code);
        if (codeBytes > sizes.MaxCodeBytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "Code too large",
                $"The code is {codeBytes} bytes; the limit is {sizes.MaxCodeBytes} bytes ({sizes.MaxCodeBytes / 1024} KiB).");
        }

        var stdin = run.Stdin ?? "";
        var stdinBytes = Encoding.UTF8.GetByteCount(stdin);
        if (stdinBytes > sizes.MaxStdinBytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "Stdin too large",
                $"Stdin is {stdinBytes} bytes; the limit is {sizes.MaxStdinBytes} bytes ({sizes.MaxStdinBytes / 1024} KiB).");
        }

        var args = run.Args ?? [];
        if (args.Count > limits.MaxArgs || args.Any(a => a is null))
        {
            return Fail(StatusCodes.Status400BadRequest, "Bad arguments",
                $"\"args\" must be a list of at most {limits.MaxArgs} strings.");
        }

        var argBytes = args.Select(Encoding.UTF8.GetByteCount).ToList();
        if (argBytes.Any(b => b > limits.MaxArgBytes) || argBytes.Sum() > limits.MaxArgsTotalBytes)
        {
            return Fail(StatusCodes.Status400BadRequest, "Arguments too large",
                $"Each argument may be up to {limits.MaxArgBytes} bytes and all together up to {limits.MaxArgsTotalBytes} bytes.");
        }

        if (run.ParentId is not null && (!SnippetId.IsValid(run.ParentId)
            || await store.GetAsync(run.ParentId, ct).ConfigureAwait(false) is null))
        {
            return Fail(StatusCodes.Status400BadRequest, "Unknown parent",
                $"\"parentId\" '{Clip(run.ParentId)}' is not a stored snippet.");
        }

        var request = new RunRequest(language.Id, run.Code, stdin, args);
        return (new RunInput(language, request, run.ParentId), null);
    }

    /// <summary>Reads at most <paramref name="cap"/> bytes; null when the body is longer (chunked bodies have no length).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, int cap, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > cap)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit tripped first (a chunked body that jumped past the cap in one read).
            return null;
        }

        return buffer.ToArray();
    }

    private static (RunInput?, IResult?) TooBig(int cap) => Fail(StatusCodes.Status413PayloadTooLarge, "Request too large",
        $"The request body is larger than {cap} bytes ({cap / 1024} KiB).");

    private static (RunInput?, IResult?) Fail(int status, string title, string detail) =>
        (null, Results.Problem(statusCode: status, title: title, detail: detail));

    // Echo at most a short prefix of what the client sent, so a problem never grows with the input.
    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
