using Grpc.Core;

namespace Shop.Contracts.Pact.Tests.Providers;

/// <summary>Breaks the contract: answers INVALID_ARGUMENT where the consumer relies on NOT_FOUND.</summary>
public sealed class WrongStatusCatalogueProvider(ProductStore store) : CatalogueProvider(store)
{
    protected override RpcException NotFound(string sku) =>
        new(new Status(StatusCode.InvalidArgument, $"product {sku} not found"));
}
