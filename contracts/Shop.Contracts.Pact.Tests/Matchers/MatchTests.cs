using System.Text.Json.Nodes;
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
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Request().WillRespond(new
        {
            product = new { sku = Match.Regex("SKU-1", @"^P-\d+$") },
        }));

        StringAssert.Contains(ex.Message, "'SKU-1' at $.product.sku does not match");
    }

    [TestMethod]
    public void Matcher_around_a_matcher_is_rejected()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Request().WillRespond(new
        {
            product = new { tags = Match.EachLike(Match.Regex("kitchen", "^k")) },
        }));

        // A matcher's example is the value it stands for, never another matcher.
        StringAssert.Contains(ex.Message, "is another matcher");
    }

    [TestMethod]
    public void Each_like_example_element_is_checked_by_the_rules_inside_it()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => StorefrontPact.Create(Path.GetTempPath())
            .UponReceiving("list")
            .WithRequest(CatalogueService.Descriptor, new ListProductsRequest())
            .WillRespond(new { products = Match.EachLike(new { sku = Match.Regex("bad", @"^SKU-\d+$") }) }));

        StringAssert.Contains(ex.Message, "'bad' at $.products[0].sku");
    }

    [TestMethod]
    public void Values_take_their_proto_json_form_before_the_rule_is_applied()
    {
        var json = JsonNode.Parse(MatchedMessage.From(GetProductResponse.Descriptor, new
        {
            product = new
            {
                priceCents = Match.Int64(1250),
                createdAt = Match.Timestamp(StorefrontPact.CreatedAt),
                tags = Match.MinType("kitchen", 0),
            },
        }).IntegrationJson)!["product"]!;

        Assert.AreEqual("1250", json["priceCents"]!["value"]!.GetValue<string>(), "int64 is a string in proto3 JSON");
        Assert.AreEqual("2025-03-01T09:30:00Z", json["createdAt"]!["value"]!.GetValue<string>());
        Assert.AreEqual(0, json["tags"]!["min"]!.GetValue<int>());
        Assert.AreEqual("kitchen", json["tags"]!["value"]![0]!.GetValue<string>());
        Assert.AreEqual("", json["name"]!.GetValue<string>(), "a field left out is its default value, to be equal");
    }

    [TestMethod]
    public void Field_given_by_its_proto_name_is_matched_at_its_json_name()
    {
        var json = JsonNode.Parse(MatchedMessage.From(GetProductResponse.Descriptor, new
        {
            product = new { price_cents = Match.Int64(1250) },
        }).IntegrationJson)!;

        Assert.AreEqual("regex", json["product"]!["priceCents"]!["pact:matcher:type"]!.GetValue<string>());
    }

    [TestMethod]
    public void Value_of_the_wrong_type_is_rejected_naming_the_message()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Request().WillRespond(new { product = new { tags = "kitchen" } }));

        StringAssert.Contains(ex.Message, "not a valid shop.testing.catalogue.v1.GetProductResponse");
    }

    [TestMethod]
    public void Include_needs_the_example_to_contain_the_substring()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => StorefrontPact.Create(Path.GetTempPath())
            .UponReceiving("unknown")
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = "SKU-404" })
            .WillFail(Grpc.Core.StatusCode.NotFound, Match.Include("not found", example: "no such product")));

        StringAssert.Contains(ex.Message, "does not contain 'not found'");
    }

    [TestMethod]
    public void Method_is_found_from_the_service_by_its_request_type()
    {
        // GetProduct is the only method taking GetProductRequest, so the service descriptor suffices.
        var builder = StorefrontPact.Create(Path.GetTempPath()).UponReceiving("by service")
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = "SKU-1" });

        Assert.IsNotNull(builder);
    }

    private static GrpcRequestBuilder Request() =>
        StorefrontPact.Create(Path.GetTempPath())
            .UponReceiving("a product")
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = "SKU-1" });
}
