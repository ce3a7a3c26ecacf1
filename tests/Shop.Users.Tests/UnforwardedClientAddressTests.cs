using Grpc.Core;

namespace Shop.Users.Tests;

/// <summary>Users as deployed by default, with no known proxy: nobody's X-Forwarded-For is believed, not even loopback's.</summary>
[TestClass]
public sealed class UnforwardedClientAddressTests : LoopbackUsersTest
{
    protected override Task<UsersFixture> CreateFixtureAsync() => TwoAttemptsPerAddressAsync(knownProxy: null);

    [TestMethod]
    public async Task Without_known_proxies_a_forwarded_address_changes_nothing()
    {
        using var local = Channel("127.0.0.1");

        await LoginAsync(local, "203.0.113.1", "ada@example.com", StatusCode.Unauthenticated);
        await LoginAsync(local, "203.0.113.2", "grace@example.com", StatusCode.Unauthenticated);
        await LoginAsync(local, "203.0.113.3", "linus@example.com", StatusCode.ResourceExhausted);
    }
}
