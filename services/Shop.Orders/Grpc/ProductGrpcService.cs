using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Shop.Orders.Data;
using Shop.Orders.V1;
using Shop.ServiceDefaults.Auth;
using Shop.ServiceDefaults.Errors;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Orders.Grpc;

/// <summary>The catalogue: anyone reads it, admins change it.</summary>
internal sealed class ProductGrpcService(ProductRepository products) : ProductService.ProductServiceBase
{
    [Authorize(Policy = AccessPolicies.Admin)]
    public override async Task<CreateProductResponse> CreateProduct(CreateProductRequest request, ServerCallContext context)
    {
        var name = RequestValidation.RequireText(request.Name, "name");
        var price = MoneyMapping.ToPositiveEuros(request.Price, "price");
        var category = RequestValidation.RequireText(request.Category, "category");
        var product = await products.InsertAsync(Guid.CreateVersion7(), name, price, request.Stock, category, context.CancellationToken);
        return new CreateProductResponse { Product = product.ToMessage() };
    }

    [AllowAnonymous]
    public override async Task<GetProductResponse> GetProduct(GetProductRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.ProductId);
        var product = await products.FindAsync(id, context.CancellationToken) ?? throw NotFound(id);
        return new GetProductResponse { Product = product.ToMessage() };
    }

    [AllowAnonymous]
    public override async Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context)
    {
        var size = RequestValidation.PageSize(request.PageSize);
        var offset = PageToken.Offset(request.PageToken);
        var page = await products.ListAsync(request.Category.Trim(), offset, size, context.CancellationToken);
        var response = new ListProductsResponse { NextPageToken = PageToken.Next(offset, size, page.Count) };
        response.Products.AddRange(page.Select(p => p.ToMessage()));
        return response;
    }

    [Authorize(Policy = AccessPolicies.Admin)]
    public override async Task<AdjustStockResponse> AdjustStock(AdjustStockRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.ProductId);
        var product = await products.AdjustStockAsync(id, request.Delta, context.CancellationToken);
        if (product is null)
        {
            var current = await products.FindAsync(id, context.CancellationToken) ?? throw NotFound(id);
            throw (long)current.Stock + request.Delta > StockLimit.Max
                ? new PreconditionFailedException(
                    $"delta: {request.Delta} would take the stock of product {id} past {StockLimit.Max}, the most it can hold ({current.Stock} in stock)")
                : new PreconditionFailedException(
                    $"delta: {request.Delta} would take the stock of product {id} below zero ({current.Stock} in stock)");
        }
        return new AdjustStockResponse { Product = product.ToMessage() };
    }

    [Authorize(Policy = AccessPolicies.Admin)]
    public override async Task<DeleteProductResponse> DeleteProduct(DeleteProductRequest request, ServerCallContext context)
    {
        var id = Guid.Parse(request.ProductId);
        return await products.DeleteAsync(id, context.CancellationToken) ? new DeleteProductResponse() : throw NotFound(id);
    }

    private static NotFoundException NotFound(Guid id) => new($"product {id} not found");
}
