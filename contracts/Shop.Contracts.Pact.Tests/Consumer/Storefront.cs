using Grpc.Core;
using Shop.Contracts.Pact.Tests.Catalogue;

namespace Shop.Contracts.Pact.Tests.Consumer;

/// <summary>The "consumer code" of these tests: what a storefront reads from the catalogue.</summary>
public sealed class Storefront(CatalogueService.CatalogueServiceClient catalogue)
{
    /// <summary>The product's display line, or null when the catalogue does not know the SKU.</summary>
    public async Task<string?> DescribeAsync(string sku)
    {
        try
        {
            var response = await catalogue.GetProductAsync(new GetProductRequest { Sku = sku });
            return $"{response.Product.Name} ({response.Product.PriceCents / 100m:0.00})";
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> NamesTaggedAsync(string tag)
    {
        var response = await catalogue.ListProductsAsync(new ListProductsRequest { Tag = tag, PageSize = 10 });
        return response.Products.Select(p => p.Name).ToList();
    }
}
