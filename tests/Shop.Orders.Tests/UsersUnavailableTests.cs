using System.Diagnostics;
using Grpc.Core;
using Shop.Testing;

namespace Shop.Orders.Tests;

/// <summary>PlaceOrder while nothing listens at the users service's address.</summary>
[TestClass]
public sealed class UsersDownTests : OrdersTest
{
    protected override Task<OrdersFixture> CreateFixtureAsync() =>
        OrdersFixture.WithUsersAtAsync(UnresponsiveServer.ClosedAddress(), TimeSpan.FromSeconds(2));

    [TestMethod]
    public async Task PlaceOrder_is_unavailable_at_once_and_writes_nothing()
    {
        var teapot = await CreateProductAsync();
        var clock = Stopwatch.StartNew();

        var error = await FailsWith(StatusCode.Unavailable, () => PlaceOrderAsync(Guid.NewGuid().ToString(), (teapot, 1)));

        StringAssert.Contains(error.Status.Detail, "User service unavailable");
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.AreEqual("orders=0 order_items=0 payments=0 order_events=0", await OrderRowCountsAsync());
    }
}

/// <summary>PlaceOrder while the users service accepts connections but never answers.</summary>
[TestClass]
public sealed class UsersHangingTests : OrdersTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(500);

    protected override Task<OrdersFixture> CreateFixtureAsync()
    {
        var hanging = new UnresponsiveServer();
        return OrdersFixture.WithUsersAtAsync(hanging.Address, Deadline, hanging);
    }

    [TestMethod]
    public async Task PlaceOrder_is_unavailable_once_the_deadline_passes()
    {
        var teapot = await CreateProductAsync();
        var clock = Stopwatch.StartNew();

        var error = await FailsWith(StatusCode.Unavailable, () => PlaceOrderAsync(Guid.NewGuid().ToString(), (teapot, 1)));

        StringAssert.Contains(error.Status.Detail, "User service unavailable");
        Assert.IsTrue(clock.Elapsed >= Deadline - TimeSpan.FromMilliseconds(50) && clock.Elapsed < Deadline * 4, $"took {clock.Elapsed}");
        Assert.AreEqual(0L, await QueryOrdersDbAsync<long>("SELECT count(*) FROM orders"));
    }
}
