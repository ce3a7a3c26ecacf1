using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Options;

namespace Shop.ServiceDefaults.Neighbours;

/// <summary>
/// grpc-dotnet's static resolver for the <c>static:///{neighbour}</c> channels: each neighbour's replicas as its
/// setting lists them.
/// </summary>
internal sealed class NeighbourListResolverFactory(IOptionsMonitor<NeighbourOptions> neighbours) : ResolverFactory
{
    private readonly StaticResolverFactory resolvers = new(target => neighbours.Get(target.AbsolutePath.Trim('/')).Address?.Replicas ?? []);

    public override string Name => resolvers.Name;

    public override Resolver Create(ResolverOptions options) => resolvers.Create(options);
}
