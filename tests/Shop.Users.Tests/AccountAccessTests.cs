using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Shop.Testing.Auth;
using Shop.Users.V1;

namespace Shop.Users.Tests;

/// <summary>Roles from configuration, what a token says about its user, and what a customer may change of their own account.</summary>
[TestClass]
public sealed class AccountAccessTests : UsersTest
{
    private const string Password = "correct horse";

    protected override Task<UsersFixture> CreateFixtureAsync() => UsersFixture.WithOrdersAsync(new Dictionary<string, string?>
    {
        ["Auth:Admins:0"] = "root@example.com",
        ["Auth:Admins:1"] = "boss@example.com",
    });

    [TestMethod]
    public async Task Login_issues_an_RS256_token_with_kid_and_the_users_claims_admin_only_for_listed_emails()
    {
        var ada = await RegisterAsync("ada@example.com", "Ada");
        var root = await RegisterAsync("ROOT@example.com", "Root");

        var adaToken = new JsonWebToken((await LoginAsync("ada@example.com")).AccessToken);
        var rootToken = new JsonWebToken((await LoginAsync("root@example.com")).AccessToken);

        Assert.AreEqual("RS256", adaToken.Alg);
        Assert.AreEqual(TestKeys.KeyId("users"), adaToken.Kid);
        Assert.AreEqual("shop-users", adaToken.Issuer);
        CollectionAssert.AreEqual(new[] { "shop" }, adaToken.Audiences.ToArray());
        Assert.AreEqual(ada.UserId, adaToken.Subject);
        Assert.AreEqual("Ada", adaToken.GetClaim("name").Value);
        Assert.AreEqual("ada@example.com", adaToken.GetClaim("email").Value);
        Assert.AreEqual("customer", adaToken.GetClaim("role").Value);
        Assert.AreEqual(root.UserId, rootToken.Subject);
        Assert.AreEqual("admin", rootToken.GetClaim("role").Value);
    }

    [TestMethod]
    public async Task A_listed_admin_lists_users_and_a_customer_is_denied()
    {
        await RegisterAsync("ada@example.com", "Ada");
        await RegisterAsync("root@example.com", "Root");
        var customer = new UserService.UserServiceClient(Fixture.Host.Channel.As((await LoginAsync("ada@example.com")).AccessToken));
        var admin = new UserService.UserServiceClient(Fixture.Host.Channel.As((await LoginAsync("root@example.com")).AccessToken));

        Assert.AreEqual(2, (await admin.ListUsersAsync(new ListUsersRequest())).Users.Count);
        var error = await FailsWith(StatusCode.PermissionDenied, async () => await customer.ListUsersAsync(new ListUsersRequest()));
        Assert.AreEqual("only an admin may do this", error.Status.Detail);
    }

    [TestMethod]
    public async Task A_customer_cannot_read_or_change_another_account_and_learns_nothing_about_it()
    {
        var ada = await RegisterAsync("ada@example.com", "Ada");
        var grace = await RegisterAsync("grace@example.com", "Grace");
        var asAda = new UserService.UserServiceClient(Fixture.Host.Channel.As((await LoginAsync("ada@example.com")).AccessToken));

        var existing = await FailsWith(StatusCode.PermissionDenied, async () => await asAda.GetUserAsync(new GetUserRequest { UserId = grace.UserId }));
        var missing = await FailsWith(StatusCode.PermissionDenied, async () => await asAda.GetUserAsync(new GetUserRequest { UserId = Guid.NewGuid().ToString() }));
        Assert.AreEqual(existing.Status.Detail, missing.Status.Detail);
        await FailsWith(StatusCode.PermissionDenied, async () =>
            await asAda.UpdateUserAsync(new UpdateUserRequest { UserId = grace.UserId, Password = "taken over!", CurrentPassword = Password }));
        await FailsWith(StatusCode.PermissionDenied, async () => await asAda.DeleteUserAsync(new DeleteUserRequest { UserId = grace.UserId }));

        Assert.AreEqual(ada.UserId, (await asAda.GetUserAsync(new GetUserRequest { UserId = ada.UserId })).User.UserId);
        await LoginAsync("grace@example.com");
    }

    [TestMethod]
    public async Task A_customer_changes_their_password_only_with_the_current_one_and_an_admin_without()
    {
        var ada = await RegisterAsync("ada@example.com", "Ada");
        var asAda = new UserService.UserServiceClient(Fixture.Host.Channel.As((await LoginAsync("ada@example.com")).AccessToken));

        var missing = await FailsWith(StatusCode.InvalidArgument, async () =>
            await asAda.UpdateUserAsync(new UpdateUserRequest { UserId = ada.UserId, Password = "new password" }));
        StringAssert.Contains(missing.Status.Detail, "current_password");
        await FailsWith(StatusCode.PermissionDenied, async () =>
            await asAda.UpdateUserAsync(new UpdateUserRequest { UserId = ada.UserId, Password = "new password", CurrentPassword = "a wrong guess" }));
        await FailsWith(StatusCode.Unauthenticated, () => LoginAsync("ada@example.com", "new password"));

        await asAda.UpdateUserAsync(new UpdateUserRequest { UserId = ada.UserId, Password = "new password", CurrentPassword = Password });
        await LoginAsync("ada@example.com", "new password");

        await Users.UpdateUserAsync(new UpdateUserRequest { UserId = ada.UserId, Password = "set by an admin" });
        await LoginAsync("ada@example.com", "set by an admin");
    }

    [TestMethod]
    public async Task A_customer_cannot_take_an_admins_email()
    {
        var ada = await RegisterAsync("ada@example.com", "Ada");
        var asAda = new UserService.UserServiceClient(Fixture.Host.Channel.As((await LoginAsync("ada@example.com")).AccessToken));

        await FailsWith(StatusCode.PermissionDenied, async () =>
            await asAda.UpdateUserAsync(new UpdateUserRequest { UserId = ada.UserId, Email = "boss@example.com" }));
        Assert.AreEqual("ada.lovelace@example.com",
            (await asAda.UpdateUserAsync(new UpdateUserRequest { UserId = ada.UserId, Email = "ada.lovelace@example.com" })).User.Email);
    }

    private async Task<User> RegisterAsync(string email, string name) =>
        (await Auth.RegisterAsync(new RegisterRequest { Email = email, Name = name, Password = Password })).User;

    private async Task<LoginResponse> LoginAsync(string email, string password = Password) =>
        await Auth.LoginAsync(new LoginRequest { Email = email, Password = password });
}
