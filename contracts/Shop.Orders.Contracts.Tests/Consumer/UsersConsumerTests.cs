using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shop.Contracts.Pact;
using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Testing;
using Shop.Orders.Users;
using Shop.ServiceDefaults.Errors;
using Shop.Testing.Auth;
using Shop.Users.V1;

namespace Shop.Orders.Contracts.Tests.Consumer;

/// <summary>
/// Orders asks users whether a user exists before placing an order (<see cref="UserDirectory"/>).
/// It reads only the call's status: OK means the user exists, NOT_FOUND that it does not. It reads
/// nothing from the response body, so the contract pins the status codes and no response field. Its calls
/// carry orders' service token and the token of the user placing the order; a call without them is refused.
/// </summary>
[TestClass]
[TestCategory(ContractCategories.Consumer)]
public sealed class UsersConsumerTests
{
    public const string ExistingUserId = "0b5c8d1e-7f0a-4c57-9a53-3f1d2e6c4b21";
    public const string MissingUserId = "9d1f4e2a-3b6c-4d8e-8f0a-1c2b3d4e5f60";

    [TestMethod]
    public async Task UserDirectory_finds_a_user_the_users_service_knows()
    {
        var pact = UsersPact();
        pact.UponReceiving("a request for an existing user")
            .Given("a user exists", new { userId = ExistingUserId })
            .WithRequest(UserService.Descriptor, new GetUserRequest { UserId = ExistingUserId })
            .WithUserAndServiceTokens()
            .WillRespond(new GetUserResponse());

        await pact.VerifyAsync(async ctx =>
        {
            await using var orders = OrdersClientsHost.For(ctx.Address);
            orders.ServeUser(TestTokens.User(Guid.Parse(ExistingUserId)));
            Assert.IsTrue(await orders.Get<UserDirectory>().ExistsAsync(Guid.Parse(ExistingUserId)));
        });
    }

    [TestMethod]
    public async Task UserDirectory_reports_a_user_the_users_service_does_not_know_as_missing()
    {
        var pact = UsersPact();
        pact.UponReceiving("a request for a user that does not exist")
            .Given("no user exists", new { userId = MissingUserId })
            .WithRequest(UserService.Descriptor, new GetUserRequest { UserId = MissingUserId })
            .WithUserAndServiceTokens()
            .WillFail(StatusCode.NotFound);

        await pact.VerifyAsync(async ctx =>
        {
            await using var orders = OrdersClientsHost.For(ctx.Address);
            orders.ServeUser(TestTokens.User(Guid.Parse(MissingUserId)));
            Assert.IsFalse(await orders.Get<UserDirectory>().ExistsAsync(Guid.Parse(MissingUserId)));
        });
    }

    [TestMethod]
    public async Task UserDirectory_takes_a_refused_call_for_an_outage_not_for_a_missing_user()
    {
        // Users keeps its users from callers without credentials; orders must not read that refusal as "no such user".
        var pact = UsersPact();
        pact.UponReceiving("a request for an existing user without credentials")
            .Given("a user exists", new { userId = ExistingUserId })
            .WithRequest(UserService.Descriptor, new GetUserRequest { UserId = ExistingUserId })
            .WillFail(StatusCode.Unauthenticated);

        await pact.VerifyAsync(async ctx =>
        {
            var refused = await Assert.ThrowsExactlyAsync<DependencyUnavailableException>(() =>
                AnonymousDirectory(ctx).ExistsAsync(Guid.Parse(ExistingUserId)));
            StringAssert.Contains(refused.Message, "Unauthenticated");
        });
    }

    private static GrpcPactBuilder UsersPact() =>
        Pact.V4(Participants.Orders, Participants.Users, new PactConfig { PactDir = PactDirectories.Output }).WithGrpcInteractions();

    // Orders' own client code on the mock's channel, without the credentials orders' registration adds.
    private static UserDirectory AnonymousDirectory(GrpcPactContext ctx) =>
        new(new UserService.UserServiceClient(ctx.Channel),
            Options.Create(new UserDirectoryOptions { Deadline = TimeSpan.FromSeconds(30) }),
            NullLogger<UserDirectory>.Instance);
}
