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

    public const string SkuPattern = @"^SKU-\d+$";

    public static readonly DateTime CreatedAt = new(2025, 3, 1, 9, 30, 0, DateTimeKind.Utc);

    public static Product EspressoCup() => new()
    {
        Sku = ExistingSku,
        Name = "Espresso cup",
        PriceCents = 1250,
        Tags = { "kitchen" },
        CreatedAt = Timestamp.FromDateTime(CreatedAt),
    };

    public static GrpcPactBuilder Create(string pactDirectory) =>
        Pact.V4(ConsumerName, ProviderName, new PactConfig { PactDir = pactDirectory }).WithGrpcInteractions();

    public static void ExistingProduct(GrpcPactBuilder pact) =>
        pact.UponReceiving("a request for an existing product")
            .Given("a product exists", new { sku = ExistingSku })
            .WithRequest<GetProductRequest>(CatalogueService.Descriptor, new { sku = Match.Regex(ExistingSku, SkuPattern) })
            .WillRespond(new
            {
                product = new
                {
                    sku = Match.Regex(ExistingSku, SkuPattern),
                    name = Match.NonEmpty("Espresso cup"),
                    priceCents = Match.Int64(1250),
                    tags = Match.EachLike("kitchen"),
                    createdAt = Match.Timestamp(CreatedAt),
                },
            });

    public static void UnknownProduct(GrpcPactBuilder pact) =>
        pact.UponReceiving("a request for an unknown product")
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = UnknownSku })
            .WillFail(StatusCode.NotFound, Match.Include("not found", example: $"product {UnknownSku} not found"));

    public static void ProductsWithTag(GrpcPactBuilder pact) =>
        pact.UponReceiving("a request for products with a tag")
            .Given("a product exists", new { sku = ExistingSku })
            .WithRequest<ListProductsRequest>(CatalogueService.Descriptor, new { tag = "kitchen", pageSize = Match.Integer(10) })
            .WillRespond(new
            {
                products = Match.EachLike(new
                {
                    sku = Match.Regex(ExistingSku, SkuPattern),
                    name = Match.Type("Espresso cup"),
                    priceCents = Match.Int64(1250),
                    tags = Match.MinType("kitchen", 0),
                    createdAt = Match.Timestamp(CreatedAt),
                }),
            });

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
