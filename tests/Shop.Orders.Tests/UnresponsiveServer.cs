using System.Net;
using System.Net.Sockets;

namespace Shop.Orders.Tests;

/// <summary>A loopback port that accepts connections and never answers: a users service that hangs.</summary>
public sealed class UnresponsiveServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> accepted = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    public UnresponsiveServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    /// <summary>A loopback address nothing listens on, so connecting is refused at once.</summary>
    public static Uri ClosedAddress()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync(stopping.Token);
                lock (accepted) accepted.Add(socket);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await accepting;
        listener.Stop();
        lock (accepted) accepted.ForEach(s => s.Dispose());
        stopping.Dispose();
    }
}
