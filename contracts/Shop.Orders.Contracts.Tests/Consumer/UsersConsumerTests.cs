using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shop.Contracts.Pact;
using Shop.Contracts.Pact.Consumer;
using Shop.Contracts.Testing;
using Shop.Orders.Users;
using Shop.Users.V1;

namespace Shop.Orders.Contracts.Tests.Consumer;

/// <summary>
/// Orders asks users whether a user exists before placing an order (<see cref="UserDirectory"/>).
/// It reads only the call's status: OK means the user exists, NOT_FOUND that it does not. It reads
/// nothing from the response body, so the contract pins the status codes and no response field.
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
            .WillRespond(new GetUserResponse());

        await pact.VerifyAsync(async ctx =>
            Assert.IsTrue(await Directory(ctx).ExistsAsync(Guid.Parse(ExistingUserId))));
    }

    [TestMethod]
    public async Task UserDirectory_reports_a_user_the_users_service_does_not_know_as_missing()
    {
        var pact = UsersPact();
        pact.UponReceiving("a request for a user that does not exist")
            .Given("no user exists", new { userId = MissingUserId })
            .WithRequest(UserService.Descriptor, new GetUserRequest { UserId = MissingUserId })
            .WillFail(StatusCode.NotFound);

        await pact.VerifyAsync(async ctx =>
            Assert.IsFalse(await Directory(ctx).ExistsAsync(Guid.Parse(MissingUserId))));
    }

    private static GrpcPactBuilder UsersPact() =>
        Pact.V4(Participants.Orders, Participants.Users, new PactConfig { PactDir = PactDirectories.Output }).WithGrpcInteractions();

    // Orders' own client code on the mock's channel. The deadline is not part of the contract: a
    // generous one keeps a busy test machine (every test project at once) from failing the call.
    private static UserDirectory Directory(GrpcPactContext ctx) =>
        new(new UserService.UserServiceClient(ctx.Channel),
            Options.Create(new UserDirectoryOptions { Deadline = TimeSpan.FromSeconds(30) }),
            NullLogger<UserDirectory>.Instance);
}
