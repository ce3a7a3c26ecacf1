using Grpc.Core;

namespace Shop.Users.Tests;

/// <summary>
/// Login limits per client address believe X-Forwarded-For only from a known proxy (the web app, which signs
/// people in from its own address). Users listens on loopback here; ::1 is the known proxy, 127.0.0.1 anyone else.
/// </summary>
[TestClass]
public sealed class ForwardedClientAddressTests : LoopbackUsersTest
{
    protected override Task<UsersFixture> CreateFixtureAsync() => TwoAttemptsPerAddressAsync(knownProxy: "::1");

    [TestMethod]
    public async Task Behind_a_known_proxy_each_forwarded_client_address_has_its_own_attempts()
    {
        using var proxy = Channel("[::1]");

        await LoginAsync(proxy, "203.0.113.1", "ada@example.com", StatusCode.Unauthenticated);
        await LoginAsync(proxy, "203.0.113.1", "grace@example.com", StatusCode.Unauthenticated);
        await LoginAsync(proxy, "203.0.113.1", "linus@example.com", StatusCode.ResourceExhausted);

        // Another browser behind the same proxy is not held back by the first one's guesses.
        await LoginAsync(proxy, "203.0.113.2", "linus@example.com", StatusCode.Unauthenticated);
    }

    [TestMethod]
    public async Task Anyone_else_cannot_choose_the_address_it_is_limited_as()
    {
        using var stranger = Channel("127.0.0.1");

        await LoginAsync(stranger, "198.51.100.1", "ada@example.com", StatusCode.Unauthenticated);
        await LoginAsync(stranger, "198.51.100.2", "grace@example.com", StatusCode.Unauthenticated);
        // A third made-up address does not help: the attempts are counted against 127.0.0.1, where they come from.
        await LoginAsync(stranger, "198.51.100.3", "linus@example.com", StatusCode.ResourceExhausted);
    }
}
