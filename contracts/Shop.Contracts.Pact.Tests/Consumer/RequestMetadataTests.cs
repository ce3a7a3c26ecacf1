using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Pact.Matchers;
using Shop.Contracts.Pact.Tests.Catalogue;

namespace Shop.Contracts.Pact.Tests.Consumer;

/// <summary>Request metadata in a contract (credentials, say): recorded by pattern, required of the consumer by the mock.</summary>
[TestClass]
public sealed class RequestMetadataTests
{
    private const string BearerJwt = @"^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$";

    [TestMethod]
    public async Task Metadata_the_consumer_sends_is_matched_and_recorded_by_its_pattern()
    {
        using var dir = new TempDirectory();
        var pact = CredentialedPact(dir.Path);

        await pact.VerifyAsync(ctx => new Storefront(Client(ctx, "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).DescribeAsync(StorefrontPact.ExistingSku));

        var request = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "storefront-catalogue.json")))!["interactions"]![0]!["request"]!;
        Assert.AreEqual("Bearer header.payload.signature", request["metadata"]!["authorization"]!.GetValue<string>(), "the example, never the token sent");
        Assert.AreEqual(BearerJwt, request["matchingRules"]!["metadata"]!["authorization"]!["matchers"]![0]!["regex"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task A_call_without_the_metadata_fails_naming_the_key()
    {
        using var dir = new TempDirectory();
        var pact = CredentialedPact(dir.Path);

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => pact.VerifyAsync(async ctx =>
            await Assert.ThrowsExactlyAsync<RpcException>(() => new Storefront(Client(ctx, null)).DescribeAsync(StorefrontPact.ExistingSku))));

        StringAssert.Contains(ex.Message, "a credentialed request for an existing product");
        StringAssert.Contains(ex.Message, "authorization");
        Assert.IsFalse(Directory.EnumerateFiles(dir.Path).Any());
    }

    [TestMethod]
    public async Task A_call_whose_metadata_misses_the_pattern_fails()
    {
        using var dir = new TempDirectory();
        var pact = CredentialedPact(dir.Path);

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => pact.VerifyAsync(async ctx =>
            await Assert.ThrowsExactlyAsync<RpcException>(() => new Storefront(Client(ctx, "Basic YW5uOnNlY3JldA==")).DescribeAsync(StorefrontPact.ExistingSku))));

        StringAssert.Contains(ex.Message, "authorization");
        StringAssert.Contains(ex.Message, "Basic YW5uOnNlY3JldA==");
    }

    [TestMethod]
    public void Reserved_or_binary_metadata_is_refused_where_it_is_declared()
    {
        var request = CredentialedPact(Path.GetTempPath()).UponReceiving("another").WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = "SKU-1" });

        Assert.ThrowsExactly<ArgumentException>(() => request.WithMetadata("grpc-timeout", "1S"));
        Assert.ThrowsExactly<ArgumentException>(() => request.WithMetadata("trace-bin", "AAEC"));
        Assert.ThrowsExactly<ArgumentException>(() => request.WithMetadata("Authorization", "Bearer a.b.c"));
        Assert.ThrowsExactly<ArgumentException>(() => request.WithMetadata("authorization", Match.Regex("Basic x", BearerJwt)));
    }

    private static GrpcPactBuilder CredentialedPact(string directory)
    {
        var pact = StorefrontPact.Create(directory);
        pact.UponReceiving("a credentialed request for an existing product")
            .Given("a product exists", new { sku = StorefrontPact.ExistingSku })
            .WithRequest(CatalogueService.Descriptor, new GetProductRequest { Sku = StorefrontPact.ExistingSku })
            .WithMetadata("authorization", Match.Regex("Bearer header.payload.signature", BearerJwt))
            .WillRespond(new GetProductResponse { Product = StorefrontPact.EspressoCup() });
        return pact;
    }

    private static CatalogueService.CatalogueServiceClient Client(GrpcPactContext ctx, string? authorization) =>
        new(ctx.Channel.Intercept(headers =>
        {
            if (authorization is not null) headers.Add("authorization", authorization);
            return headers;
        }));
}
