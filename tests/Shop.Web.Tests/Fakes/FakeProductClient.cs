using Grpc.Core;
using Shop.Orders.V1;

namespace Shop.Web.Tests.Fakes;

public sealed class FakeProductClient : ProductService.ProductServiceClient
{
    public List<Product> Products { get; } = [];

    public override AsyncUnaryCall<ListProductsResponse> ListProductsAsync(ListProductsRequest request, CallOptions options) =>
        Calls.Answer(() => new ListProductsResponse { Products = { Products } });

    public override AsyncUnaryCall<CreateProductResponse> CreateProductAsync(CreateProductRequest request, CallOptions options) => Calls.Answer(() =>
    {
        var product = new Product
        {
            ProductId = Guid.NewGuid().ToString(), Name = request.Name, Price = request.Price, Stock = request.Stock, Category = request.Category,
        };
        Products.Add(product);
        return new CreateProductResponse { Product = product };
    });

    /// <summary>As orders does: the stock never goes below zero.</summary>
    public override AsyncUnaryCall<AdjustStockResponse> AdjustStockAsync(AdjustStockRequest request, CallOptions options) => Calls.Answer(() =>
    {
        var product = Products.Single(p => p.ProductId == request.ProductId);
        if (product.Stock + request.Delta < 0)
        {
            throw Calls.Failure(StatusCode.FailedPrecondition, $"stock of product {product.ProductId} would be {product.Stock + request.Delta}");
        }
        product.Stock += request.Delta;
        return new AdjustStockResponse { Product = product };
    });
}
