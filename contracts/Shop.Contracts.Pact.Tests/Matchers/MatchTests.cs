using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Pact.Matchers;
using Shop.Contracts.Pact.Tests.Catalogue;
using Shop.Contracts.Pact.Tests.Consumer;

namespace Shop.Contracts.Pact.Tests.Matchers;

[TestClass]
public sealed class MatchTests
{
    [TestMethod]
    public void Regex_that_the_example_does_not_satisfy_is_rejected_where_it_is_declared()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Response().Match("$.product.sku", Match.Regex(@"^P-\d+$")));

        StringAssert.Contains(ex.Message, "'SKU-1' at $.product.sku does not match");
    }

    [TestMethod]
    public void Each_like_needs_an_example_element()
    {
        var pact = GrpcPact.Between("storefront", "catalogue");

        var ex = Assert.ThrowsExactly<ArgumentException>(() => pact.UponReceiving("empty list")
            .WithRequest(CatalogueService.Descriptor, new ListProductsRequest())
            .WillRespond(new ListProductsResponse())
            .Match("$.products", Match.EachLike()));

        StringAssert.Contains(ex.Message, "at least one example element");
    }

    [TestMethod]
    public void Paths_reach_into_every_element_of_a_repeated_field()
    {
        var pact = GrpcPact.Between("storefront", "catalogue");

        var ex = Assert.ThrowsExactly<ArgumentException>(() => pact.UponReceiving("list")
            .WithRequest(CatalogueService.Descriptor, new ListProductsRequest())
            .WillRespond(new ListProductsResponse { Products = { StorefrontPact.EspressoCup(), new Product { Sku = "bad" } } })
            .Match("$.products[*].sku", Match.Regex(@"^SKU-\d+$")));

        StringAssert.Contains(ex.Message, "'bad' at $.products[*].sku");
    }

    [TestMethod]
    public void Include_needs_the_example_to_contain_the_substring()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => GrpcPact.Between("storefront", "catalogue")
            .UponReceiving("unknown")
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = "SKU-404" })
            .WillFail(Grpc.Core.StatusCode.NotFound, "no such product", Match.Include("not found")));

        StringAssert.Contains(ex.Message, "does not contain 'not found'");
    }

    [TestMethod]
    public void Method_is_found_from_the_service_by_its_request_type()
    {
        // GetProduct is the only method taking GetProductRequest, so the service descriptor suffices.
        var builder = GrpcPact.Between("storefront", "catalogue").UponReceiving("by service")
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = "SKU-1" });

        Assert.IsNotNull(builder);
    }

    private static GrpcResponseBuilder Response() =>
        GrpcPact.Between("storefront", "catalogue")
            .UponReceiving("a product")
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = "SKU-1" })
            .WillRespond(new GetProductResponse { Product = StorefrontPact.EspressoCup() });
}
