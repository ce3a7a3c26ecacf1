using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Shop.Contracts.Pact.Tests.Catalogue.Renamed;

namespace Shop.Contracts.Pact.Tests.Providers;

/// <summary>Breaks the contract in its proto: Product.name became Product.title.</summary>
public sealed class RenamedCatalogueProvider(ProductStore store) : CatalogueService.CatalogueServiceBase
{
    public override Task<GetProductResponse> GetProduct(GetProductRequest request, ServerCallContext context)
    {
        var product = store.Find(request.Sku) ?? throw new RpcException(new Status(StatusCode.NotFound, $"product {request.Sku} not found"));
        return Task.FromResult(new GetProductResponse { Product = ToMessage(product) });
    }

    public override Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context)
    {
        var response = new ListProductsResponse();
        response.Products.AddRange(store.WithTag(request.Tag).Select(ToMessage));
        return Task.FromResult(response);
    }

    private static Product ToMessage(StoredProduct product) => new()
    {
        Sku = product.Sku,
        Title = product.Name,
        PriceCents = product.PriceCents,
        Tags = { product.Tags },
        CreatedAt = Timestamp.FromDateTimeOffset(product.CreatedAt),
    };
}
