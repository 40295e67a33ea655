using System.Net;
using System.Net.Sockets;

namespace CodeCube.Testing;

/// <summary>Servers in tests listen on 127.0.0.1 only, on a port nobody else holds.</summary>
public static class Loopback
{
    /// <summary>A port free right now (the OS picks it), for a server that needs its port before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True once something accepts connections on the port.</summary>
    public static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
