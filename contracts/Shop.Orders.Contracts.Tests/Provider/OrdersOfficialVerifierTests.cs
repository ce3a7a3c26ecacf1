using Shop.Contracts.Testing;
using Shop.Testing;

namespace Shop.Orders.Contracts.Tests.Provider;

/// <summary>
/// The official <c>pact verifier</c> CLI verifies the real orders service from the committed pact, provider
/// states included, through the adapter hosted as a standalone endpoint: the pacts are plain Pact V4.
/// </summary>
[TestClass]
[TestCategory(ContractCategories.Provider)]
public sealed class OrdersOfficialVerifierTests
{
    private OrdersProvider provider = null!;

    private static string UsersOrdersPact => Path.Combine(PactDirectories.Committed, $"{Participants.Users}-{Participants.Orders}.json");

    [TestInitialize]
    public async Task ShareTheHost() =>
        provider = await ClassFixtures<OrdersProvider>.ForAsync(GetType(), OrdersProvider.CreateAsync);

    [TestMethod]
    public async Task The_pact_cli_verifies_orders_from_the_committed_pact()
    {
        await using var endpoint = await provider.Verifier().HostAsync();

        var (exitCode, output) = await PactCli.VerifyAsync(endpoint, UsersOrdersPact);

        Assert.AreEqual(0, exitCode, output);
        // The second page's request takes its token from the provider state: the adapter put it in.
        StringAssert.Contains(output, "a request for the second page of the orders of a user with more orders than a page");
        Assert.DoesNotContain("FAILED", output, output);
    }

    [TestMethod]
    public async Task The_pact_cli_verifies_the_standalone_provider_host()
    {
        // What Pact-Provider-Host runs: this assembly with --provider-host, a process of its own.
        await using var host = await StandaloneProviderProcess.StartAsync();

        var (exitCode, output) = await PactCli.VerifyAsync(host.Port, UsersOrdersPact);

        Assert.AreEqual(0, exitCode, output);
        StringAssert.Contains(output, "a request for the orders of a user with a paid order without credentials");
        Assert.DoesNotContain("FAILED", output, output);
        StringAssert.Contains(host.Command, $"pact verifier --hostname 127.0.0.1 --port {host.Port} ");
        StringAssert.Contains(host.Command, "-d contracts/pacts --provider-name orders");
    }

    [TestMethod]
    public async Task The_pact_cli_fails_orders_leaving_the_users_orders_out()
    {
        using var _ = provider.OmitUsersOrders();
        await using var endpoint = await provider.Verifier().HostAsync();

        var (exitCode, output) = await PactCli.VerifyAsync(endpoint, UsersOrdersPact);

        Assert.AreNotEqual(0, exitCode, output);
        StringAssert.Contains(output, "a request for the orders of a user with a paid order");
        StringAssert.Contains(output, "FAILED");
    }
}
