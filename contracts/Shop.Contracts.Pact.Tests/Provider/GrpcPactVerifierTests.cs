using System.Collections.Concurrent;
using Shop.Contracts.Pact.Provider;
using Shop.Contracts.Pact.Tests.Consumer;
using Shop.Contracts.Pact.Tests.Providers;
using CatalogueExtended = Shop.Contracts.Pact.Tests.Catalogue.Extended;
using CatalogueRenamed = Shop.Contracts.Pact.Tests.Catalogue.Renamed;
using CatalogueV1 = Shop.Contracts.Pact.Tests.Catalogue;

namespace Shop.Contracts.Pact.Tests.Provider;

/// <summary>Verifies the storefront's pact (written by the consumer API) against real gRPC providers, good and broken.</summary>
[TestClass]
public sealed class GrpcPactVerifierTests
{
    private static readonly TempDirectory PactDirectory = new();
    private static string PactFile = string.Empty;

    [ClassInitialize]
    public static async Task WriteThePact(TestContext _) =>
        PactFile = await StorefrontPact.WriteAsync(PactDirectory.Path);

    [ClassCleanup]
    public static void RemoveThePact() => PactDirectory.Dispose();

    [TestMethod]
    public async Task Provider_that_keeps_the_contract_passes_and_gets_its_provider_states()
    {
        await using var host = await ProviderHost.StartAsync<CatalogueProvider>();
        var states = new ConcurrentQueue<string>();

        var result = await Verifier(host, CatalogueV1.CatalogueService.Descriptor)
            .WithProviderState("a product exists", parameters =>
            {
                var sku = (string)parameters["sku"]!;
                states.Enqueue(sku);
                host.Store.Add(sku, "Espresso cup", 1250, "kitchen");
                return Task.CompletedTask;
            })
            .VerifyAsync();

        Assert.IsTrue(result.Passed, result.Describe());
        Assert.HasCount(3, result.Interactions);
        Assert.IsTrue(result.Interactions.All(i => i.Passed));
        CollectionAssert.AreEqual(new[] { "SKU-1", "SKU-1" }, states.ToArray());
    }

    [TestMethod]
    public async Task Provider_that_leaves_a_field_empty_fails_naming_the_interaction_and_field()
    {
        await using var host = await ProviderHost.StartAsync<EmptyNameCatalogueProvider>();

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(
            () => Verifier(host, CatalogueV1.CatalogueService.Descriptor).VerifyAsync());

        StringAssert.Contains(ex.Message, "FAILED 'a request for an existing product'");
        StringAssert.Contains(ex.Message, "$.product.name");
    }

    [TestMethod]
    public async Task Provider_that_renamed_a_field_fails_naming_the_missing_field()
    {
        await using var host = await ProviderHost.StartAsync<RenamedCatalogueProvider>();

        var result = await Verifier(host, CatalogueRenamed.CatalogueService.Descriptor).RunAsync();

        Assert.IsFalse(result.Passed);
        var existing = result.Interactions.Single(i => i.Description == "a request for an existing product");
        Assert.IsFalse(existing.Passed);
        Assert.IsTrue(existing.Mismatches.Any(m => m.Contains("name", StringComparison.Ordinal)), result.Describe());
        Assert.IsTrue(result.Interactions.Single(i => i.Description == "a request for an unknown product").Passed);
    }

    [TestMethod]
    public async Task Provider_that_answers_the_wrong_status_fails_naming_the_status()
    {
        await using var host = await ProviderHost.StartAsync<WrongStatusCatalogueProvider>();

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(
            () => Verifier(host, CatalogueV1.CatalogueService.Descriptor).VerifyAsync());

        StringAssert.Contains(ex.Message, "FAILED 'a request for an unknown product'");
        StringAssert.Contains(ex.Message, "grpc-status");
        StringAssert.Contains(ex.Message, "INVALID_ARGUMENT");
    }

    [TestMethod]
    public async Task Provider_with_a_compatible_extra_field_passes()
    {
        await using var host = await ProviderHost.StartAsync<ExtendedCatalogueProvider>();

        var result = await Verifier(host, CatalogueExtended.CatalogueService.Descriptor).VerifyAsync();

        Assert.IsTrue(result.Passed, result.Describe());
    }

    [TestMethod]
    public async Task Unknown_provider_state_fails_the_interactions_that_need_it()
    {
        await using var host = await ProviderHost.StartAsync<CatalogueProvider>();

        var result = await new GrpcPactVerifier(StorefrontPact.ProviderName)
            .WithProviderChannel(host.Channel)
            .WithServices(CatalogueV1.CatalogueService.Descriptor)
            .WithFileSource(new FileInfo(PactFile))
            .RunAsync();

        Assert.IsFalse(result.Passed);
        StringAssert.Contains(result.Describe(), "a product exists");
        Assert.IsTrue(result.Interactions.Single(i => i.Description == "a request for an unknown product").Passed);
    }

    [TestMethod]
    public async Task Directory_without_a_pact_for_the_provider_does_not_pass()
    {
        await using var host = await ProviderHost.StartAsync<CatalogueProvider>();

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => new GrpcPactVerifier("warehouse")
            .WithProviderChannel(host.Channel)
            .WithServices(CatalogueV1.CatalogueService.Descriptor)
            .WithDirectorySource(new DirectoryInfo(PactDirectory.Path))
            .VerifyAsync());

        StringAssert.Contains(ex.Message, "No interactions were verified for provider 'warehouse'");
    }

    private static GrpcPactVerifier Verifier(ProviderHost host, Google.Protobuf.Reflection.ServiceDescriptor service) =>
        new GrpcPactVerifier(StorefrontPact.ProviderName)
            .WithProviderChannel(host.Channel)
            .WithServices(service)
            .WithDirectorySource(new DirectoryInfo(PactDirectory.Path))
            .WithProviderStates((state, parameters) =>
            {
                if (state != "a product exists")
                {
                    throw new KeyNotFoundException($"unknown state {state}");
                }

                host.Store.Add((string)parameters["sku"]!, "Espresso cup", 1250, "kitchen");
                return Task.CompletedTask;
            });
}
