using System.Net;
using System.Net.Sockets;

namespace ResultsBot.Tests.Support;

/// <summary>A loopback port nothing listens on now, for a bot's --urls.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
