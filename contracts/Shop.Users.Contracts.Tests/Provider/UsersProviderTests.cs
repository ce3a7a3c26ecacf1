using Shop.Contracts.Testing;
using Shop.Testing;

namespace Shop.Users.Contracts.Tests.Provider;

/// <summary>The real users service meets every pact in <c>contracts/pacts</c> that names it as provider.</summary>
[TestClass]
[TestCategory(ContractCategories.Provider)]
public sealed class UsersProviderTests
{
    [TestMethod]
    public async Task Users_service_meets_the_pacts_of_its_consumers()
    {
        var provider = await ClassFixtures<UsersProvider>.ForAsync(GetType(), UsersProvider.CreateAsync);

        var result = await provider.Verifier().VerifyAsync();

        Assert.IsTrue(result.Interactions.Count >= 2, result.Describe());
    }
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static Task DisposeHosts() => ClassFixtures<UsersProvider>.DisposeAllAsync();
}
