using System.Net;
using System.Net.Sockets;
using Shop.Build.Mesh;

namespace Shop.Testing;

/// <summary>
/// Stand-ins for a service that is down, on loopback only: a port that accepts connections and never
/// answers (a hanging service), and <see cref="ClosedAddress"/>, where connecting is refused at once.
/// </summary>
public sealed class UnresponsiveServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> connections = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;

    public UnresponsiveServer()
    {
        listener.Start();
        acceptLoop = AcceptUntilStoppedAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    /// <summary>A loopback address nothing listens on (a port just freed), so connections are refused.</summary>
    public static Uri ClosedAddress() => new($"http://127.0.0.1:{LoopbackPorts.Free()}");

    // Connections are held open, unread, so the client waits for an answer that never comes.
    private async Task AcceptUntilStoppedAsync()
    {
        try
        {
            while (true)
            {
                var connection = await listener.AcceptSocketAsync(stop.Token);
                lock (connections) connections.Add(connection);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await acceptLoop;
        listener.Stop();
        lock (connections)
        {
            foreach (var connection in connections) connection.Dispose();
        }
        stop.Dispose();
    }
}
