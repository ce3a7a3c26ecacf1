using System.Globalization;
using Grpc.Core;
using Shop.Users.V1;

namespace Shop.Users.Tests;

[TestClass]
public sealed class LoginThrottleTests : UsersTest
{
    protected override Task<UsersFixture> CreateFixtureAsync() => UsersFixture.WithOrdersAsync(new Dictionary<string, string?>
    {
        ["Auth:LoginAttemptsPerAccount"] = "3",
        ["Auth:LoginAttemptsPerAddress"] = "6",
        ["Auth:LoginWindow"] = "00:10:00",
    });

    [TestMethod]
    public async Task Login_attempts_are_limited_per_account_then_per_client_address_with_when_to_retry()
    {
        await Auth.RegisterAsync(new RegisterRequest { Email = "ada@example.com", Name = "Ada", Password = "correct horse" });

        for (var i = 0; i < 3; i++) await FailsWith(StatusCode.Unauthenticated, () => Login("ada@example.com", "wrong guess"));
        // Even the right password waits now: the account's attempts are used up.
        var exhausted = await FailsWith(StatusCode.ResourceExhausted, () => Login("ada@example.com", "correct horse"));
        StringAssert.StartsWith(exhausted.Status.Detail, "too many login attempts; retry after ");
        var retryAfter = int.Parse(exhausted.Trailers.GetValue("retry-after")!, CultureInfo.InvariantCulture);
        Assert.IsTrue(retryAfter is > 0 and <= 600, $"retry-after {retryAfter}");

        // Another account from the same address has the address's remaining two attempts.
        await FailsWith(StatusCode.Unauthenticated, () => Login("grace@example.com", "guess 1"));
        await FailsWith(StatusCode.Unauthenticated, () => Login("grace@example.com", "guess 2"));
        await FailsWith(StatusCode.ResourceExhausted, () => Login("grace@example.com", "guess 3"));
    }

    private Task Login(string email, string password) => Auth.LoginAsync(new LoginRequest { Email = email, Password = password }).ResponseAsync;
}
