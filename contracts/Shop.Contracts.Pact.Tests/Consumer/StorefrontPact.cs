using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Pact.Matchers;
using Shop.Contracts.Pact.Tests.Catalogue;

namespace Shop.Contracts.Pact.Tests.Consumer;

/// <summary>The storefront's contract with the catalogue, declared the way a consumer team would.</summary>
public static class StorefrontPact
{
    public const string ConsumerName = "storefront";
    public const string ProviderName = "catalogue";
    public const string ExistingSku = "SKU-1";
    public const string UnknownSku = "SKU-404";

    public static Product EspressoCup() => new()
    {
        Sku = ExistingSku,
        Name = "Espresso cup",
        PriceCents = 1250,
        Tags = { "kitchen" },
        CreatedAt = Timestamp.FromDateTime(new DateTime(2025, 3, 1, 9, 30, 0, DateTimeKind.Utc)),
    };

    public static GrpcPact Create(string pactDirectory) =>
        GrpcPact.Between(ConsumerName, ProviderName).WithPactDirectory(pactDirectory);

    public static void ExistingProduct(GrpcPact pact) =>
        pact.UponReceiving("a request for an existing product")
            .Given("a product exists", new { sku = ExistingSku })
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = ExistingSku })
            .Match("$.sku", Match.Regex(@"^SKU-\d+$"))
            .WillRespond(new GetProductResponse { Product = EspressoCup() })
            .Match("$.product.sku", Match.Regex(@"^SKU-\d+$"))
            .Match("$.product.name", Match.NonEmpty())
            .Match("$.product.priceCents", Match.Int64())
            .Match("$.product.tags", Match.EachLike())
            .Match("$.product.createdAt", Match.Timestamp());

    public static void UnknownProduct(GrpcPact pact) =>
        pact.UponReceiving("a request for an unknown product")
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = UnknownSku })
            .WillFail(StatusCode.NotFound, $"product {UnknownSku} not found", Match.Include("not found"));

    public static void ProductsWithTag(GrpcPact pact) =>
        pact.UponReceiving("a request for products with a tag")
            .Given("a product exists", new { sku = ExistingSku })
            .WithRequest(CatalogueService.Descriptor, new ListProductsRequest { Tag = "kitchen", PageSize = 10 })
            .Match("$.pageSize", Match.Integer())
            .WillRespond(new ListProductsResponse { Products = { EspressoCup() } })
            .Match("$.products", Match.EachLike())
            .Match("$.products[*].sku", Match.Regex(@"^SKU-\d+$"))
            .Match("$.products[*].name", Match.Type())
            .Match("$.products[*].priceCents", Match.Int64())
            .Match("$.products[*].tags", Match.MinType(0))
            .Match("$.products[*].createdAt", Match.Timestamp());

    /// <summary>Runs the whole storefront contract and writes its pact file into <paramref name="pactDirectory"/>.</summary>
    public static async Task<string> WriteAsync(string pactDirectory)
    {
        var pact = Create(pactDirectory);
        ExistingProduct(pact);
        UnknownProduct(pact);
        ProductsWithTag(pact);
        await pact.VerifyAsync(async ctx =>
        {
            var storefront = new Storefront(new CatalogueService.CatalogueServiceClient(ctx.Channel));
            if (await storefront.DescribeAsync(ExistingSku) != "Espresso cup (12.50)")
            {
                throw new InvalidOperationException("The storefront misread the product.");
            }

            if (await storefront.DescribeAsync(UnknownSku) is not null)
            {
                throw new InvalidOperationException("The storefront misread the unknown product.");
            }

            if ((await storefront.NamesTaggedAsync("kitchen")).Single() != "Espresso cup")
            {
                throw new InvalidOperationException("The storefront misread the product list.");
            }
        });
        return Path.Combine(pactDirectory, $"{ConsumerName}-{ProviderName}.json");
    }
}
