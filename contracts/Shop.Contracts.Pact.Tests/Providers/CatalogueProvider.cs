using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Shop.Contracts.Pact.Tests.Catalogue;

namespace Shop.Contracts.Pact.Tests.Providers;

/// <summary>The catalogue as its contract expects it.</summary>
public class CatalogueProvider(ProductStore store) : CatalogueService.CatalogueServiceBase
{
    public override Task<GetProductResponse> GetProduct(GetProductRequest request, ServerCallContext context)
    {
        var product = store.Find(request.Sku) ?? throw NotFound(request.Sku);
        return Task.FromResult(new GetProductResponse { Product = ToMessage(product) });
    }

    public override Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context)
    {
        var response = new ListProductsResponse();
        response.Products.AddRange(store.WithTag(request.Tag).Select(ToMessage));
        return Task.FromResult(response);
    }

    protected virtual RpcException NotFound(string sku) =>
        new(new Status(StatusCode.NotFound, $"product {sku} not found"));

    protected virtual Product ToMessage(StoredProduct product) => new()
    {
        Sku = product.Sku,
        Name = product.Name,
        PriceCents = product.PriceCents,
        Tags = { product.Tags },
        CreatedAt = Timestamp.FromDateTimeOffset(product.CreatedAt),
    };
}
