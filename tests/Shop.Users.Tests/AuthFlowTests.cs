using Grpc.Core;
using Shop.Testing.Auth;
using Shop.Users.V1;

namespace Shop.Users.Tests;

[TestClass]
public sealed class AuthFlowTests : UsersTest
{
    private const string Password = "correct horse battery";

    [TestMethod]
    public async Task Register_login_profile_with_token_then_without_token_is_unauthenticated()
    {
        var registered = (await Auth.RegisterAsync(new RegisterRequest { Email = "ada@example.com", Name = "Ada", Password = Password })).User;

        var login = await Auth.LoginAsync(new LoginRequest { Email = "ada@example.com", Password = Password });
        Assert.AreEqual(registered.UserId, login.User.UserId);
        Assert.IsTrue(login.ExpiresAt.ToDateTime() > DateTime.UtcNow.AddMinutes(50));

        var profile = await Auth.GetProfileAsync(new GetProfileRequest(), Bearer(login.AccessToken));
        Assert.AreEqual(registered, profile.User);

        var error = await FailsWith(StatusCode.Unauthenticated, async () => await Auth.GetProfileAsync(new GetProfileRequest()));
        StringAssert.Contains(error.Status.Detail, "missing authorization");
    }

    [TestMethod]
    public async Task Wrong_password_and_unknown_email_fail_alike()
    {
        await Auth.RegisterAsync(new RegisterRequest { Email = "ada@example.com", Name = "Ada", Password = Password });

        var wrongPassword = await FailsWith(StatusCode.Unauthenticated, async () =>
            await Auth.LoginAsync(new LoginRequest { Email = "ada@example.com", Password = "wrong password" }));
        var unknownEmail = await FailsWith(StatusCode.Unauthenticated, async () =>
            await Auth.LoginAsync(new LoginRequest { Email = "nobody@example.com", Password = Password }));
        Assert.AreEqual(wrongPassword.Status.Detail, unknownEmail.Status.Detail);
    }

    [TestMethod]
    public async Task Register_twice_with_one_email_is_already_exists()
    {
        await Auth.RegisterAsync(new RegisterRequest { Email = "ada@example.com", Name = "Ada", Password = Password });
        await FailsWith(StatusCode.AlreadyExists, async () =>
            await Auth.RegisterAsync(new RegisterRequest { Email = "ada@example.com", Name = "Ada 2", Password = Password }));
    }

    [TestMethod]
    public async Task Expired_token_is_unauthenticated()
    {
        var user = await CreateUserAsync();
        var expired = TestTokens.User(Guid.Parse(user.UserId), now: DateTimeOffset.UtcNow.AddMinutes(-61), lifetime: TimeSpan.FromHours(1));

        var error = await FailsWith(StatusCode.Unauthenticated, async () => await Auth.GetProfileAsync(new GetProfileRequest(), Bearer(expired)));
        StringAssert.Contains(error.Status.Detail, "expired");
    }

    [TestMethod]
    public async Task Tampered_or_foreign_tokens_are_unauthenticated()
    {
        var user = await CreateUserAsync();
        var other = await CreateUserAsync("grace@example.com", "Grace");
        var login = await Auth.LoginAsync(new LoginRequest { Email = "ada@example.com", Password = "correct horse" });

        // The payload swapped for one naming another user, the signature kept.
        var parts = login.AccessToken.Split('.');
        var forgedPayload = TestTokens.User(Guid.Parse(other.UserId)).Split('.')[1];
        var tampered = $"{parts[0]}.{forgedPayload}.{parts[2]}";
        var foreignKey = TestTokens.User(Guid.Parse(user.UserId), key: TestKeys.Foreign);

        foreach (var token in new[] { tampered, foreignKey, "not-a-jwt" })
        {
            var error = await FailsWith(StatusCode.Unauthenticated, async () => await Auth.GetProfileAsync(new GetProfileRequest(), Bearer(token)));
            StringAssert.Contains(error.Status.Detail, "invalid");
        }
        await FailsWith(StatusCode.Unauthenticated, async () =>
            await Auth.GetProfileAsync(new GetProfileRequest(), new Metadata { { "authorization", "Basic abc" } }));
    }

    [TestMethod]
    public async Task A_token_outlives_nothing_once_its_user_is_deleted()
    {
        var user = await CreateUserAsync();
        var login = await Auth.LoginAsync(new LoginRequest { Email = "ada@example.com", Password = "correct horse" });
        await Users.DeleteUserAsync(new DeleteUserRequest { UserId = user.UserId });

        await FailsWith(StatusCode.Unauthenticated, async () => await Auth.GetProfileAsync(new GetProfileRequest(), Bearer(login.AccessToken)));
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };
}
