using System.Text.Json.Nodes;
using Grpc.Core;
using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Pact.Matchers;
using Shop.Contracts.Pact.Tests.Catalogue;

namespace Shop.Contracts.Pact.Tests.Consumer;

[TestClass]
public sealed class GrpcPactConsumerTests
{
    [TestMethod]
    public async Task Consumer_test_that_meets_its_pact_writes_a_v4_grpc_pact_file()
    {
        using var dir = new TempDirectory();

        var file = await StorefrontPact.WriteAsync(dir.Path);

        var pact = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.AreEqual("storefront", pact["consumer"]!["name"]!.GetValue<string>());
        Assert.AreEqual("catalogue", pact["provider"]!["name"]!.GetValue<string>());
        Assert.AreEqual("4.0", pact["metadata"]!["pactSpecification"]!["version"]!.GetValue<string>());
        var interactions = pact["interactions"]!.AsArray();
        Assert.HasCount(3, interactions);

        var existing = interactions.Single(i => i!["description"]!.GetValue<string>() == "a request for an existing product")!;
        Assert.AreEqual("Synchronous/Messages", existing["type"]!.GetValue<string>());
        Assert.AreEqual("grpc", existing["transport"]!.GetValue<string>());
        Assert.AreEqual("a product exists", existing["providerStates"]![0]!["name"]!.GetValue<string>());
        Assert.AreEqual("SKU-1", existing["providerStates"]![0]!["params"]!["sku"]!.GetValue<string>());

        var request = existing["request"]!;
        Assert.AreEqual("shop.testing.catalogue.v1.CatalogueService", request["metadata"]!["grpc-service"]!.GetValue<string>());
        Assert.AreEqual("GetProduct", request["metadata"]!["grpc-method"]!.GetValue<string>());
        Assert.AreEqual("application/json", request["contents"]!["contentType"]!.GetValue<string>());
        Assert.AreEqual("SKU-1", request["contents"]!["content"]!["sku"]!.GetValue<string>());
        Assert.AreEqual("regex", request["matchingRules"]!["body"]!["$.sku"]!["matchers"]![0]!["match"]!.GetValue<string>());

        var response = existing["response"]!.AsArray().Single()!;
        Assert.AreEqual("OK", response["metadata"]!["grpc-status"]!.GetValue<string>());
        var product = response["contents"]!["content"]!["product"]!;
        Assert.AreEqual("Espresso cup", product["name"]!.GetValue<string>());
        Assert.AreEqual("1250", product["priceCents"]!.GetValue<string>(), "int64 is a string in proto3 JSON");
        Assert.AreEqual("2025-03-01T09:30:00Z", product["createdAt"]!.GetValue<string>());
        var rules = response["matchingRules"]!["body"]!.AsObject();
        Assert.AreEqual("regex", rules["$.product.name"]!["matchers"]![0]!["match"]!.GetValue<string>());
        Assert.AreEqual(1, rules["$.product.tags"]!["matchers"]![0]!["min"]!.GetValue<int>());
        Assert.AreEqual(Match.TimestampPattern, rules["$.product.createdAt"]!["matchers"]![0]!["regex"]!.GetValue<string>());

        var unknown = interactions.Single(i => i!["description"]!.GetValue<string>() == "a request for an unknown product")!;
        var failure = unknown["response"]!.AsArray().Single()!;
        Assert.AreEqual("NOT_FOUND", failure["metadata"]!["grpc-status"]!.GetValue<string>());
        Assert.AreEqual("not found", failure["metadata"]!["grpc-message"]!.GetValue<string>());
        Assert.AreEqual("include", failure["matchingRules"]!["metadata"]!["grpc-message"]!["matchers"]![0]!["match"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Pact_files_merge_across_tests_and_replace_an_interaction_with_the_same_description()
    {
        using var dir = new TempDirectory();
        var first = StorefrontPact.Create(dir.Path);
        StorefrontPact.ExistingProduct(first);
        await first.VerifyAsync(ctx => new Storefront(new CatalogueService.CatalogueServiceClient(ctx.Channel)).DescribeAsync("SKU-1"));
        var second = StorefrontPact.Create(dir.Path);
        StorefrontPact.UnknownProduct(second);
        StorefrontPact.ExistingProduct(second);
        await second.VerifyAsync(async ctx =>
        {
            var storefront = new Storefront(new CatalogueService.CatalogueServiceClient(ctx.Channel));
            Assert.IsNull(await storefront.DescribeAsync("SKU-404"));
            Assert.AreEqual("Espresso cup (12.50)", await storefront.DescribeAsync("SKU-1"));
        });

        var pact = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "storefront-catalogue.json")))!;
        Assert.HasCount(2, pact["interactions"]!.AsArray());
        Assert.IsTrue(pact["interactions"]!.AsArray().All(i => i!["transport"]!.GetValue<string>() == "grpc"));
    }

    [TestMethod]
    public async Task Two_interactions_on_one_method_are_told_apart_by_their_requests()
    {
        using var dir = new TempDirectory();
        var pact = StorefrontPact.Create(dir.Path);
        StorefrontPact.ExistingProduct(pact);   // any SKU-n by regex
        StorefrontPact.UnknownProduct(pact);    // exactly SKU-404

        await pact.VerifyAsync(async ctx =>
        {
            var storefront = new Storefront(new CatalogueService.CatalogueServiceClient(ctx.Channel));
            Assert.IsNull(await storefront.DescribeAsync("SKU-404"));
            Assert.AreEqual("Espresso cup (12.50)", await storefront.DescribeAsync("SKU-7"));
        });
    }

    [TestMethod]
    public async Task Mock_fails_the_call_with_the_declared_status_and_message()
    {
        using var dir = new TempDirectory();
        var pact = StorefrontPact.Create(dir.Path);
        StorefrontPact.UnknownProduct(pact);

        await pact.VerifyAsync(async ctx =>
        {
            var client = new CatalogueService.CatalogueServiceClient(ctx.Channel);
            var ex = await Assert.ThrowsExactlyAsync<RpcException>(
                async () => await client.GetProductAsync(new GetProductRequest { Sku = "SKU-404" }));
            Assert.AreEqual(StatusCode.NotFound, ex.StatusCode);
            Assert.AreEqual("product SKU-404 not found", ex.Status.Detail);
        });
    }

    [TestMethod]
    public async Task Request_that_does_not_match_fails_naming_the_interaction_and_field_and_writes_no_file()
    {
        using var dir = new TempDirectory();
        var pact = StorefrontPact.Create(dir.Path);
        StorefrontPact.ExistingProduct(pact);
        RpcException? seenByClient = null;

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => pact.VerifyAsync(async ctx =>
        {
            var client = new CatalogueService.CatalogueServiceClient(ctx.Channel);
            seenByClient = await Assert.ThrowsExactlyAsync<RpcException>(
                async () => await client.GetProductAsync(new GetProductRequest { Sku = "espresso-cup" }));
        }));

        StringAssert.Contains(ex.Message, "a request for an existing product");
        StringAssert.Contains(ex.Message, "$.sku");
        StringAssert.Contains(ex.Message, "espresso-cup");
        Assert.AreEqual(StatusCode.FailedPrecondition, seenByClient!.StatusCode);
        Assert.IsFalse(Directory.EnumerateFiles(dir.Path).Any(), "no pact file after a failed consumer test");
    }

    [TestMethod]
    public async Task Interaction_that_is_never_called_fails_and_writes_no_file()
    {
        using var dir = new TempDirectory();
        var pact = StorefrontPact.Create(dir.Path);
        StorefrontPact.ExistingProduct(pact);
        StorefrontPact.UnknownProduct(pact);

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => pact.VerifyAsync(
            ctx => new Storefront(new CatalogueService.CatalogueServiceClient(ctx.Channel)).DescribeAsync("SKU-1")));

        StringAssert.Contains(ex.Message, "'a request for an unknown product'");
        StringAssert.Contains(ex.Message, "never called");
        Assert.IsFalse(Directory.EnumerateFiles(dir.Path).Any());
    }

    [TestMethod]
    public async Task Call_to_an_undeclared_method_is_unimplemented_and_fails_the_test()
    {
        using var dir = new TempDirectory();
        var pact = StorefrontPact.Create(dir.Path);
        StorefrontPact.UnknownProduct(pact);

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => pact.VerifyAsync(async ctx =>
        {
            var client = new CatalogueService.CatalogueServiceClient(ctx.Channel);
            Assert.IsNull(await new Storefront(client).DescribeAsync("SKU-404"));
            var call = await Assert.ThrowsExactlyAsync<RpcException>(async () => await client.ListProductsAsync(new ListProductsRequest()));
            Assert.AreEqual(StatusCode.Unimplemented, call.StatusCode);
        }));

        StringAssert.Contains(ex.Message, "No interaction declared for shop.testing.catalogue.v1.CatalogueService/ListProducts");
    }

    [TestMethod]
    public async Task Failure_of_the_consumer_code_itself_is_rethrown_and_writes_no_file()
    {
        using var dir = new TempDirectory();
        var pact = StorefrontPact.Create(dir.Path);
        StorefrontPact.ExistingProduct(pact);

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => pact.VerifyAsync(async ctx =>
        {
            await new Storefront(new CatalogueService.CatalogueServiceClient(ctx.Channel)).DescribeAsync("SKU-1");
            throw new InvalidOperationException("consumer bug");
        }));

        Assert.IsFalse(Directory.EnumerateFiles(dir.Path).Any());
    }

    [TestMethod]
    public void Request_type_must_belong_to_the_method()
    {
        var pact = StorefrontPact.Create(Path.GetTempPath());

        var ex = Assert.ThrowsExactly<ArgumentException>(() => pact.UponReceiving("wrong")
            .WithRequest(CatalogueService.Descriptor.FindMethodByName(nameof(CatalogueService.CatalogueServiceClient.ListProducts)),
                new GetProductRequest()));

        StringAssert.Contains(ex.Message, "takes shop.testing.catalogue.v1.ListProductsRequest");
    }

    [TestMethod]
    public void Matcher_on_a_field_that_does_not_exist_names_the_available_fields()
    {
        var pact = StorefrontPact.Create(Path.GetTempPath());

        var ex = Assert.ThrowsExactly<ArgumentException>(() => pact.UponReceiving("typo")
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = "SKU-1" })
            .WillRespond(new { product = new { title = Match.Type("Espresso cup") } }));

        StringAssert.Contains(ex.Message, "$.product: shop.testing.catalogue.v1.Product has no field 'title'");
        StringAssert.Contains(ex.Message, "sku, name, priceCents, tags, createdAt");
    }
}
