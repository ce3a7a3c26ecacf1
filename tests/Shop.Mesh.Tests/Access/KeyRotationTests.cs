using Shop.Orders.V1;
using Shop.Testing;
using Shop.Testing.Auth;

namespace Shop.Mesh.Tests.Access;

/// <summary>Two keys of users trusted at once, the old one until its ValidUntil: on its own host, since its clock jumps past that.</summary>
[TestClass]
public sealed class KeyRotationTests
{
    private static readonly Guid Customer = Guid.Parse("5b6f2c1e-3c1d-4a55-8f2e-0d6c2b9a1e02");

    [TestMethod]
    public async Task During_a_rotation_both_keys_are_accepted_and_after_the_overlap_only_the_new_one()
    {
        var orders = await ClassFixtures<ClockedOrders>.ForAsync(GetType(), ClockedOrders.StartAsync);
        var lifetime = TimeSpan.FromHours(3);
        var old = TestTokens.User(Customer, now: ClockedOrders.Start, lifetime: lifetime);
        var renewed = TestTokens.User(Customer, now: ClockedOrders.Start, lifetime: lifetime, key: ClockedOrders.NewKey, keyId: ClockedOrders.NewKeyId);
        await ListOwnOrdersAsync(orders, old);
        await ListOwnOrdersAsync(orders, renewed);

        // Past the overlap: the old key's tokens are refused even though they have not expired (and were accepted before).
        orders.Clock.SetUtcNow(ClockedOrders.OldKeyRetires);
        await FailsWith(Grpc.Core.StatusCode.Unauthenticated, () => ListOwnOrdersAsync(orders, old));
        await ListOwnOrdersAsync(orders, renewed);
    }

    private static Task ListOwnOrdersAsync(ClockedOrders orders, string token) =>
        new OrderService.OrderServiceClient(orders.Host.Channel.As(token)).ListOrdersAsync(new ListOrdersRequest { UserId = Customer.ToString() }).ResponseAsync;
}
