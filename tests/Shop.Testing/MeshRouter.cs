using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Shop.Testing;

/// <summary>
/// The network of the in-process mesh: every service's outgoing gRPC clients keep their production
/// setup (client factory, deadlines, propagation, resilience) and end here, where the address's host
/// name (users.mesh, orders.mesh, ...) picks the in-process server. A service can be taken down: its
/// callers then get a refused connection, as from a stopped process.
/// </summary>
public sealed class MeshRouter : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, HttpMessageInvoker> servers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> down = new(StringComparer.OrdinalIgnoreCase);

    public static Uri Address(string service) => new($"http://{service}.mesh");

    public void Connect(string service, HttpMessageHandler server) => servers[Address(service).Host] = new HttpMessageInvoker(server);

    /// <summary>Sends every outgoing gRPC/HTTP client of a host (its configureServices callback) through this router.</summary>
    public void Carry(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = this));

    /// <summary>Refuses connections to <paramref name="service"/> until the result is disposed.</summary>
    public IDisposable TakeDown(string service)
    {
        var host = Address(service).Host;
        down[host] = true;
        return new Restore(() => down.TryRemove(host, out _));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri!.Host;
        if (down.ContainsKey(host) || !servers.TryGetValue(host, out var server))
        {
            // As from a socket: gRPC reads a refused connection as UNAVAILABLE only when a SocketException says so.
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"Connection refused ({host} is down)",
                new SocketException((int)SocketError.ConnectionRefused));
        }
        return server.SendAsync(request, cancellationToken);
    }

    // The client factory disposes expired handler chains; the router outlives them.
    protected override void Dispose(bool disposing)
    {
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
