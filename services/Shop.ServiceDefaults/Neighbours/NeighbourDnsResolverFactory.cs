using Grpc.Net.Client.Balancer;

namespace Shop.ServiceDefaults.Neighbours;

/// <summary>
/// grpc-dotnet's DNS resolver for the <c>dns:///host:port</c> channels, asking again every <see cref="RefreshInterval"/>:
/// by default it asks only when a connection fails, and would not see replicas added by a scale-up.
/// </summary>
internal sealed class NeighbourDnsResolverFactory : ResolverFactory
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(15);

    private readonly DnsResolverFactory resolvers = new(RefreshInterval);

    public override string Name => resolvers.Name;

    public override Resolver Create(ResolverOptions options) => resolvers.Create(options);
}
