using System.Net;
using System.Net.Sockets;

namespace Shop.Build.Mesh;

/// <summary>Ports on 127.0.0.1: which are free, and whether something listens on one.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now (the system's pick, so parallel runs do not collide).</summary>
    public static int Free() => Free(1)[0];

    /// <summary>
    /// <paramref name="count"/> different ports nothing listens on now. All are held until all are
    /// picked: released one at a time, the system may hand the same port out again.
    /// </summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <exception cref="ServiceProcessException">Something listens on <paramref name="port"/>.</exception>
    public static void RequireFree(int port)
    {
        if (IsListening(port)) throw new ServiceProcessException($"Port {port} is taken: stop what listens there, or choose another port.");
    }
}
