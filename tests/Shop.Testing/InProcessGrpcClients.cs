using Microsoft.Extensions.DependencyInjection;

namespace Shop.Testing;

/// <summary>Points a service's outgoing gRPC clients at services hosted in the same test process.</summary>
public static class InProcessGrpcClients
{
    /// <summary>
    /// Sends the calls of the gRPC client registered as <paramref name="clientName"/> (the name given to
    /// <c>AddGrpcClient</c>, or the client type's name when none was) to <paramref name="primaryHandler"/>,
    /// typically another host's <c>Server.CreateHandler()</c>. The client keeps its production setup
    /// (address, deadlines, retries, call context propagation); only the bottom of its handler pipeline changes.
    /// </summary>
    /// <remarks>
    /// Call it in the host's configureServices callback, which runs after the service's own registrations:
    /// the gRPC client factory fills in its default handler only where none was set by then.
    /// </remarks>
    public static IServiceCollection RouteGrpcClient(this IServiceCollection services, string clientName, Func<HttpMessageHandler> primaryHandler)
    {
        services.AddHttpClient(clientName).ConfigurePrimaryHttpMessageHandler(primaryHandler);
        return services;
    }
}
