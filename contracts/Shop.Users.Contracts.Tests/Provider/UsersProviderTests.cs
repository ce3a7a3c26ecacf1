extern alias UsersService;

using Shop.Contracts.Pact.Provider;
using Shop.Contracts.Testing;
using Shop.Testing;
using UsersV1 = UsersService::Shop.Users.V1;

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

        var result = await Verifier(provider).VerifyAsync();

        Assert.IsTrue(result.Interactions.Count >= 2, result.Describe());
    }

    /// <summary>The verifier for the committed pacts against <paramref name="provider"/>'s real host.</summary>
    internal static GrpcPactVerifier Verifier(UsersProvider provider, params Google.Protobuf.Reflection.ServiceDescriptor[] services) =>
        new GrpcPactVerifier(Participants.Users)
            .WithProviderChannel(provider.Host.Channel)
            .WithServices(services.Length > 0 ? services : [UsersV1.UserService.Descriptor, UsersV1.AuthService.Descriptor])
            .WithProviderStates(provider.SetUpAsync, provider.TearDownAsync)
            .WithPactDirectory(PactDirectories.Committed);
}

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static Task DisposeHosts() => ClassFixtures<UsersProvider>.DisposeAllAsync();
}
