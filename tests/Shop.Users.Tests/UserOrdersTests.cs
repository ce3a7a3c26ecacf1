using Grpc.Core;
using Shop.Orders.V1;
using Shop.Users.V1;

namespace Shop.Users.Tests;

/// <summary>ListUserOrders and DeleteUser against the real orders service, hosted in-process.</summary>
[TestClass]
public sealed class UserOrdersTests : UsersTest
{
    [TestMethod]
    public async Task ListUserOrders_returns_the_users_orders_newest_first_with_exact_totals()
    {
        var ada = await CreateUserAsync();
        var grace = await CreateUserAsync("grace@example.com", "Grace Hopper");
        var teapot = await CreateProductAsync("99.99");
        var cup = await CreateProductAsync("0.10", name: "Cup");
        var first = await PlaceOrderAsync(ada, teapot, 2);
        await Orders.PayOrderAsync(new PayOrderRequest
        {
            OrderId = first.OrderId, Method = PaymentMethod.Card, Amount = first.Total, IdempotencyKey = Guid.NewGuid().ToString(),
        });
        var second = await PlaceOrderAsync(ada, cup, 3);
        await PlaceOrderAsync(grace, teapot);

        var orders = (await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = ada.UserId })).Orders;

        CollectionAssert.AreEqual(new[] { second.OrderId, first.OrderId }, orders.Select(o => o.OrderId).ToArray());
        Assert.AreEqual(Eur("0.30"), orders[0].Total);
        Assert.AreEqual(Eur("199.98"), orders[1].Total);
        Assert.AreEqual("ORDER_STATUS_PENDING", orders[0].Status);
        Assert.AreEqual("ORDER_STATUS_PAID", orders[1].Status);
        Assert.AreEqual(first.CreatedAt, orders[1].CreatedAt);
    }

    [TestMethod]
    public async Task ListUserOrders_pages_through_more_orders_than_one_page_of_orders_holds()
    {
        var ada = await CreateUserAsync();
        var teapot = await CreateProductAsync();
        var placed = new List<string>();
        for (var i = 0; i < 101; i++)
        {
            placed.Add((await PlaceOrderAsync(ada, teapot)).OrderId);
        }

        var orders = (await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = ada.UserId })).Orders;

        CollectionAssert.AreEquivalent(placed, orders.Select(o => o.OrderId).ToList());
    }

    [TestMethod]
    public async Task ListUserOrders_for_a_user_without_orders_is_empty()
    {
        var ada = await CreateUserAsync();
        var orders = await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = ada.UserId });
        Assert.AreEqual(0, orders.Orders.Count);
    }

    [TestMethod]
    public async Task ListUserOrders_for_an_unknown_or_deleted_user_is_not_found_and_a_malformed_id_invalid()
    {
        var unknown = Guid.NewGuid().ToString();
        var error = await FailsWith(StatusCode.NotFound, async () => await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = unknown }));
        StringAssert.Contains(error.Status.Detail, unknown);

        var ada = await CreateUserAsync();
        await Users.DeleteUserAsync(new DeleteUserRequest { UserId = ada.UserId });
        await FailsWith(StatusCode.NotFound, async () => await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = ada.UserId }));

        var malformed = await FailsWith(StatusCode.InvalidArgument, async () => await Users.ListUserOrdersAsync(new ListUserOrdersRequest { UserId = "42" }));
        StringAssert.StartsWith(malformed.Status.Detail, "user_id:");
    }

    [TestMethod]
    public async Task DeleteUser_with_orders_is_failed_precondition_naming_the_user_and_keeps_the_user()
    {
        var ada = await CreateUserAsync();
        var order = await PlaceOrderAsync(ada, await CreateProductAsync());
        await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = order.OrderId });

        var error = await FailsWith(StatusCode.FailedPrecondition, async () => await Users.DeleteUserAsync(new DeleteUserRequest { UserId = ada.UserId }));

        StringAssert.Contains(error.Status.Detail, ada.UserId);
        StringAssert.Contains(error.Status.Detail, "has orders");
        Assert.AreEqual(ada, (await Users.GetUserAsync(new GetUserRequest { UserId = ada.UserId })).User);
    }

    [TestMethod]
    public async Task DeleteUser_without_orders_deletes_even_when_other_users_have_orders()
    {
        var ada = await CreateUserAsync();
        var grace = await CreateUserAsync("grace@example.com", "Grace Hopper");
        await PlaceOrderAsync(grace, await CreateProductAsync());

        await Users.DeleteUserAsync(new DeleteUserRequest { UserId = ada.UserId });

        await FailsWith(StatusCode.NotFound, async () => await Users.GetUserAsync(new GetUserRequest { UserId = ada.UserId }));
        Assert.AreEqual(grace, (await Users.GetUserAsync(new GetUserRequest { UserId = grace.UserId })).User);
    }
}
