using Shop.Contracts.Testing;
using Shop.Testing;

namespace Shop.Notifications.Contracts.Tests.Provider;

/// <summary>The real notifications service meets every pact in <c>contracts/pacts</c> that names it as provider.</summary>
[TestClass]
[TestCategory(ContractCategories.Provider)]
public sealed class NotificationsProviderTests
{
    [TestMethod]
    public async Task Notifications_service_meets_the_pacts_of_its_consumers()
    {
        var provider = await ClassFixtures<NotificationsProvider>.ForAsync(GetType(), NotificationsProvider.CreateAsync);

        var result = await provider.Verifier().VerifyAsync();

        Assert.IsTrue(result.Interactions.Count >= 2, result.Describe());
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static Task DisposeHosts() => ClassFixtures<NotificationsProvider>.DisposeAllAsync();
}
