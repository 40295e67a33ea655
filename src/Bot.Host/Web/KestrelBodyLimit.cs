using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Web;

/// <summary>
/// Kestrel's own body cap backs up the API's (<see cref="WebOptions.MaxRequestBytes"/>): nothing here takes bigger
/// bodies. One byte more than the API's limit, so the API sees the overflow itself and answers with its own 413
/// problem details instead of Kestrel cutting the connection.
/// </summary>
internal sealed class KestrelBodyLimit(IOptions<WebOptions> web) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Limits.MaxRequestBodySize = web.Value.MaxRequestBytes + 1L;
        }
        catch (OptionsValidationException)
        {
            // WebApplication creates the server, and so these options, while it is built: before start-up
            // validation, which then stops the host with this failure among every other bad key.
        }
    }
}
