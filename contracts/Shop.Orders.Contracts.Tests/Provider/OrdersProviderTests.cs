using Shop.Contracts.Testing;
using Shop.Testing;

namespace Shop.Orders.Contracts.Tests.Provider;

/// <summary>The real orders service meets every pact in <c>contracts/pacts</c> that names it as provider.</summary>
[TestClass]
[TestCategory(ContractCategories.Provider)]
public sealed class OrdersProviderTests
{
    [TestMethod]
    public async Task Orders_service_meets_the_pacts_of_its_consumers()
    {
        var provider = await ClassFixtures<OrdersProvider>.ForAsync(GetType(), OrdersProvider.CreateAsync);

        var result = await provider.Verifier().VerifyAsync();

        Assert.IsTrue(result.Interactions.Count >= 4, result.Describe());
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static Task DisposeHosts() => ClassFixtures<OrdersProvider>.DisposeAllAsync();
}
