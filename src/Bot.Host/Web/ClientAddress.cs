using System.Net;
using System.Net.Sockets;

namespace CodeCube.Host.Web;

/// <summary>
/// The key a web client is limited by: its IPv4 address, or its IPv6 /64 (one subscriber usually gets a whole /64,
/// so per-address limits would hand an attacker 2^64 budgets). Behind a reverse proxy listed in Web:KnownProxies
/// the forwarded-headers middleware has already put the real client here; nothing else is trusted.
/// </summary>
public static class ClientAddress
{
    public static string KeyFor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return KeyFor(http.Connection.RemoteIpAddress);
    }

    public static string KeyFor(IPAddress? address)
    {
        if (address is null)
        {
            return "web:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "web:" + address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"web:{new IPAddress(bytes)}/64";
    }
}
