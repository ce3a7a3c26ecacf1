using Grpc.Core;
using Shop.Orders.V1;
using Shop.Testing;
using Shop.Users.V1;

namespace Shop.Mesh.Tests;

/// <summary>The seed's cross-service scenario through all three services.</summary>
[TestClass]
public sealed class CrossServiceFlowTests : MeshTest
{
    [TestMethod]
    public async Task A_paid_order_yields_exactly_one_order_processed_notification()
    {
        var userId = await Calls.CreateUserAsync("ada@example.com");
        var order = await Calls.PlaceOrderAsync(userId, await Calls.CreateProductAsync("99.99", 10), 2);
        Assert.AreEqual(Eur("199.98"), order.Total);
        Assert.AreEqual(OrderStatus.Paid, (await Calls.PayAsync(order)).Status);

        var notifications = await Calls.WaitForNotificationsAsync(userId, 2, DeliveryBound);

        var processed = notifications.Where(n => n.Type == "order_processed").ToList();
        Assert.HasCount(1, processed, string.Join(", ", notifications.Select(n => n.Type)));
        Assert.AreEqual(order.OrderId, processed[0].OrderId);
        Assert.AreEqual(userId, processed[0].UserId);
        CollectionAssert.AreEqual(new[] { "order_placed", "order_processed" }, notifications.Select(n => n.Type).ToArray());
    }

    [TestMethod]
    public async Task ListUserOrders_asks_the_orders_service()
    {
        var userId = await Calls.CreateUserAsync("grace@example.com");
        var product = await Calls.CreateProductAsync("12.50", 10);
        var first = await Calls.PlaceOrderAsync(userId, product, 1);
        var second = await Calls.PayAsync(await Calls.PlaceOrderAsync(userId, product, 3));
        await Calls.PlaceOrderAsync(await Calls.CreateUserAsync("someone.else@example.com"), product, 1);

        var listed = (await Calls.Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = userId })).Orders;

        CollectionAssert.AreEquivalent(
            new[] { (first.OrderId, "12.50"), (second.OrderId, "37.50") },
            listed.Select(o => (o.OrderId, $"{o.Total.Units}.{o.Total.Nanos / 10_000_000:00}")).ToArray());
        Assert.AreEqual("ORDER_STATUS_PAID", listed.Single(o => o.OrderId == second.OrderId).Status);
    }

    [TestMethod]
    public async Task A_user_with_orders_cannot_be_deleted_and_one_without_can()
    {
        var buyer = await Calls.CreateUserAsync("buyer@example.com");
        await Calls.PlaceOrderAsync(buyer, await Calls.CreateProductAsync(), 1);
        var browser = await Calls.CreateUserAsync("browser@example.com");

        var refused = await FailsWith(StatusCode.FailedPrecondition,
            async () => await Calls.Users.DeleteUserAsync(new DeleteUserRequest { UserId = buyer }));
        StringAssert.Contains(refused.Status.Detail, buyer);
        Assert.AreEqual(buyer, (await Calls.Users.GetUserAsync(new GetUserRequest { UserId = buyer })).User.UserId);

        await Calls.Users.DeleteUserAsync(new DeleteUserRequest { UserId = browser });
        await FailsWith(StatusCode.NotFound, async () => await Calls.Users.GetUserAsync(new GetUserRequest { UserId = browser }));
    }

    [TestMethod]
    public async Task With_orders_down_ListUserOrders_is_unavailable_and_recovers_by_itself()
    {
        // Users reports the outage (its calls refused, the circuit opened) as errors.
        ServerLog.Current!.ExpectErrors(e => e.Message.Contains("was refused by orders") || e.Message.Contains("OnCircuitOpened"));
        var userId = await Calls.CreateUserAsync("linus@example.com");
        var order = await Calls.PlaceOrderAsync(userId, await Calls.CreateProductAsync(), 1);

        using (Mesh.Router.TakeDown("orders"))
        {
            for (var i = 0; i < 6; i++)
            {
                var error = await FailsWith(StatusCode.Unavailable,
                    async () => await Calls.Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = userId }));
                Assert.AreEqual("Order service unavailable", error.Status.Detail);
            }
        }

        // The breaker lets a trial call through after its break (one second here) and closes when it succeeds.
        var listed = await MeshCalls.UntilAvailableAsync(
            () => Calls.Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = userId }).ResponseAsync, TimeSpan.FromSeconds(15));
        Assert.AreEqual(order.OrderId, listed.Orders.Single().OrderId);
    }
}
