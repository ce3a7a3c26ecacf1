using Google.Protobuf;
using Grpc.Core;
using Shop.Contracts.Pact;
using Shop.Contracts.Testing;
using Shop.Testing;
using Next = Shop.Users.Contracts.Tests.Next;
using Renumbered = Shop.Users.Contracts.Tests.Renumbered;
using UsersV1 = Shop.Users.V1;

namespace Shop.Users.Contracts.Tests.Provider;

/// <summary>
/// Proves the committed users pacts can fail: the real users host (real service, real database) with
/// a deliberate change applied in the test. Breaking changes must fail verification naming the
/// interaction and what differs; compatible ones must pass. One host for the class.
/// </summary>
[TestClass]
[TestCategory(ContractCategories.Provider)]
public sealed class UsersProviderChangeTests
{
    private UsersProvider provider = null!;

    [TestInitialize]
    public async Task ShareTheHost() =>
        provider = await ClassFixtures<UsersProvider>.ForAsync(GetType(), UsersProvider.CreateAsync);

    [TestMethod]
    public async Task GetUser_answering_OK_for_an_unknown_user_breaks_orders()
    {
        // e.g. a "soft delete" that answers an empty user instead of NOT_FOUND: orders would accept orders for anyone.
        using var _ = provider.Change.Apply(async (method, request, callService) =>
        {
            try
            {
                return await callService();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && request is UsersV1.GetUserRequest)
            {
                return new UsersV1.GetUserResponse();
            }
        });

        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() => provider.Verifier().VerifyAsync());

        StringAssert.Contains(ex.Message, "FAILED 'a request for a user that does not exist'");
        StringAssert.Contains(ex.Message, "grpc-status");
        StringAssert.Contains(ex.Message, "NOT_FOUND");
        Assert.DoesNotContain("FAILED 'a request for an existing user'", ex.Message);
    }

    [TestMethod]
    public async Task GetUser_demanding_a_token_breaks_orders()
    {
        using var _ = provider.Change.Apply((method, request, callService) =>
            method.EndsWith("/GetUser", StringComparison.Ordinal)
                ? throw new RpcException(new Status(StatusCode.Unauthenticated, "an access token is required"))
                : callService());

        var result = await provider.Verifier().RunAsync();

        Assert.IsFalse(result.Passed);
        var existing = result.Interactions.Single(i => i.Description == "a request for an existing user");
        Assert.IsFalse(existing.Passed);
        Assert.IsTrue(existing.Mismatches.Any(m => m.Contains("grpc-status", StringComparison.Ordinal) && m.Contains("UNAUTHENTICATED", StringComparison.Ordinal)),
            result.Describe());
    }

    [TestMethod]
    public async Task GetUser_admitting_callers_without_credentials_breaks_orders()
    {
        // e.g. GetUser marked [AllowAnonymous]: anyone could read any user. The credentialed calls still pass.
        using var _ = provider.AdmitAnonymousCallers();

        var result = await provider.Verifier().RunAsync();

        VerificationAssert.OnlyFails(result, "a request for an existing user without credentials", "grpc-status", "UNAUTHENTICATED");
    }

    [TestMethod]
    public async Task Renumbering_the_requested_user_id_breaks_orders()
    {
        // GetUserRequest.user_id moved from field 1 to 5: the same proto JSON, but orders' generated code
        // sends the id in field 1, which users would no longer read.
        var ex = await Assert.ThrowsExactlyAsync<PactVerificationException>(() =>
            provider.Verifier(Renumbered.UserService.Descriptor).VerifyAsync());

        StringAssert.Contains(ex.Message, "FAILED 'a request for an existing user'");
        StringAssert.Contains(ex.Message, "shop.users.v1.GetUserRequest.user_id: consumer expects field 1 (string), provider has field 5");
    }

    [TestMethod]
    public async Task GetUser_with_a_new_field_and_a_new_rpc_still_meets_the_pacts()
    {
        // What a newer users build puts on the wire: User.display_name (field 6), unknown to this build's types.
        var displayName = new Next.User { DisplayName = "Ann E." }.ToByteString();
        using var _ = provider.Change.Apply(async (method, request, callService) =>
        {
            var response = await callService();
            if (response is UsersV1.GetUserResponse { User: { } user })
            {
                user.MergeFrom(displayName);
            }

            return response;
        });
        await provider.SetUpAsync("a user exists", new Dictionary<string, object?> { ["userId"] = "5e0d7a4c-1b2f-4c3d-9e8f-7a6b5c4d3e2f" });
        var seen = await new Next.UserService.UserServiceClient(provider.ConsumerChannel)
            .GetUserAsync(new Next.GetUserRequest { UserId = "5e0d7a4c-1b2f-4c3d-9e8f-7a6b5c4d3e2f" });
        await provider.Database.ResetAsync();
        Assert.AreEqual("Ann E.", seen.User.DisplayName, "the changed provider really sends the new field");

        var result = await provider.Verifier(Next.UserService.Descriptor).VerifyAsync();

        Assert.IsTrue(result.Passed, result.Describe());
    }
}
