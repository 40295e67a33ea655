using System.Net.Http.Headers;
using CodeCube.Core.Attachments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodeCube.Adapters.Files;

/// <summary>
/// Fetches an attachment from a URL the platform gave, and only from the hosts the adapter allows: https (plain
/// http only to loopback, for tests), no redirects (a redirect could lead anywhere), the Content-Length checked
/// before reading and the body read no further than the limit.
/// </summary>
internal sealed class BoundedDownload(IHttpClientFactory httpFactory)
{
    public const string HttpClientName = "codecube-files";

    public static void Register(IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddSingleton<BoundedDownload>();
    }

    public static bool IsAllowed(string url, IEnumerable<string> hosts, out Uri uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri!)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.UserInfo)
        && hosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);

    public async Task<FileDownload> GetAsync(Uri url, long maxBytes, string? bearerToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        try
        {
            using var response = await httpFactory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return FileDownload.Of(DownloadStatus.Failed);
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return FileDownload.Of(DownloadStatus.TooLarge);
            }

            var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        return FileDownload.Of(DownloadStatus.TooLarge);
                    }

                    buffer.Write(chunk, 0, read);
                }

                return new FileDownload(DownloadStatus.Ok, buffer.ToArray());
            }
        }
        catch (HttpRequestException)
        {
            return FileDownload.Of(DownloadStatus.Failed);
        }
        catch (IOException)
        {
            return FileDownload.Of(DownloadStatus.Failed);
        }
    }
}
