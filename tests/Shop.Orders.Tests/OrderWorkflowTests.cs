using Grpc.Core;
using Shop.Orders.V1;

namespace Shop.Orders.Tests;

[TestClass]
public sealed class OrderWorkflowTests : OrdersTest
{
    [TestMethod]
    public async Task Seed_workflow_place_pay_fulfil_with_exact_money_and_stock()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync(price: "99.99", stock: 10);

        var placed = await PlaceOrderAsync(userId, (teapot, 2));
        Assert.AreEqual(OrderStatus.Pending, placed.Status);
        Assert.AreEqual(Eur("199.98"), placed.Total);
        Assert.AreEqual((199L, 980_000_000), (placed.Total.Units, placed.Total.Nanos));
        Assert.AreEqual(Eur("99.99"), placed.Items.Single().UnitPrice);
        Assert.AreEqual(Eur("199.98"), placed.Items.Single().LineTotal);
        Assert.AreEqual(10, await StockAsync(teapot), "placing an order takes no stock");

        var paid = await Orders.PayOrderAsync(new PayOrderRequest
        {
            OrderId = placed.OrderId, Method = PaymentMethod.Card, Amount = Eur("199.98"), IdempotencyKey = "pay-1",
        });
        Assert.AreEqual(OrderStatus.Paid, paid.Order.Status);
        Assert.AreEqual(Eur("199.98"), paid.Payment.Amount);
        Assert.AreEqual(8, await StockAsync(teapot));

        var fulfilled = (await Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = placed.OrderId })).Order;
        Assert.AreEqual(OrderStatus.Fulfilled, fulfilled.Status);

        var fetched = (await Orders.GetOrderAsync(new GetOrderRequest { OrderId = placed.OrderId })).Order;
        Assert.AreEqual(fulfilled, fetched);
        Assert.AreEqual(userId, fetched.UserId);
    }

    [TestMethod]
    public async Task CancelOrder_of_a_paid_order_restocks_and_of_a_pending_one_leaves_stock_alone()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync(stock: 10);
        var cup = await CreateProductAsync(price: "4.50", stock: 6, name: "Cup");

        var paid = await PlaceOrderAsync(userId, (teapot, 3), (cup, 6));
        await PayAsync(paid);
        Assert.AreEqual((7, 0), (await StockAsync(teapot), await StockAsync(cup)));

        var cancelled = (await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = paid.OrderId })).Order;
        Assert.AreEqual(OrderStatus.Cancelled, cancelled.Status);
        Assert.AreEqual((10, 6), (await StockAsync(teapot), await StockAsync(cup)));

        var pending = await PlaceOrderAsync(userId, (teapot, 1));
        await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = pending.OrderId });
        Assert.AreEqual(10, await StockAsync(teapot));
    }

    [TestMethod]
    public async Task Illegal_transitions_are_failed_precondition_naming_the_current_status()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync();
        var order = await PlaceOrderAsync(userId, (teapot, 1));

        var fulfilPending = await FailsWith(StatusCode.FailedPrecondition, async () =>
            await Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = order.OrderId }));
        StringAssert.Contains(fulfilPending.Status.Detail, "PENDING");

        await PayAsync(order, "first");
        var payTwice = await FailsWith(StatusCode.FailedPrecondition, () => PayAsync(order, "second"));
        StringAssert.Contains(payTwice.Status.Detail, "PAID");

        await Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = order.OrderId });
        var cancelFulfilled = await FailsWith(StatusCode.FailedPrecondition, async () =>
            await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = order.OrderId }));
        StringAssert.Contains(cancelFulfilled.Status.Detail, "FULFILLED");

        var other = await PlaceOrderAsync(userId, (teapot, 1));
        await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = other.OrderId });
        var payCancelled = await FailsWith(StatusCode.FailedPrecondition, () => PayAsync(other));
        StringAssert.Contains(payCancelled.Status.Detail, "CANCELLED");
        var cancelTwice = await FailsWith(StatusCode.FailedPrecondition, async () =>
            await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = other.OrderId }));
        StringAssert.Contains(cancelTwice.Status.Detail, "CANCELLED");
        Assert.AreEqual(9, await StockAsync(teapot), "only the fulfilled order took stock");
    }

    [TestMethod]
    public async Task PayOrder_with_a_wrong_amount_fails_and_changes_nothing()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync();
        var order = await PlaceOrderAsync(userId, (teapot, 2));
        var before = await OrderRowCountsAsync();

        foreach (var amount in new[] { "199.97", "199.99", "99.99" })
        {
            var error = await FailsWith(StatusCode.FailedPrecondition, () => PayAsync(order, amount: Eur(amount)));
            StringAssert.StartsWith(error.Status.Detail, "amount:");
            StringAssert.Contains(error.Status.Detail, "199.98");
        }

        Assert.AreEqual(before, await OrderRowCountsAsync());
        Assert.AreEqual(OrderStatus.Pending, (await Orders.GetOrderAsync(new GetOrderRequest { OrderId = order.OrderId })).Order.Status);
        Assert.AreEqual(10, await StockAsync(teapot));
    }

    [TestMethod]
    public async Task PayOrder_with_insufficient_stock_fails_and_changes_nothing()
    {
        var userId = await CreateUserAsync();
        var plenty = await CreateProductAsync(stock: 10, name: "Plenty");
        var scarce = await CreateProductAsync(stock: 1, name: "Scarce");
        var order = await PlaceOrderAsync(userId, (plenty, 2), (scarce, 2));
        var before = await OrderRowCountsAsync();

        var error = await FailsWith(StatusCode.FailedPrecondition, () => PayAsync(order));
        StringAssert.Contains(error.Status.Detail, scarce.ProductId);

        Assert.AreEqual((10, 1), (await StockAsync(plenty), await StockAsync(scarce)), "the other item's stock was put back too");
        Assert.AreEqual(before, await OrderRowCountsAsync());
        Assert.AreEqual(OrderStatus.Pending, (await Orders.GetOrderAsync(new GetOrderRequest { OrderId = order.OrderId })).Order.Status);
    }

    [TestMethod]
    public async Task PlaceOrder_checks_an_expected_unit_price_against_the_catalogue()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync(price: "99.99");
        var request = new PlaceOrderRequest { UserId = userId };
        request.Items.Add(new PlaceOrderItem { ProductId = teapot.ProductId, Quantity = 1, ExpectedUnitPrice = Eur("89.99") });

        var error = await FailsWith(StatusCode.FailedPrecondition, async () => await OrdersAs(request.UserId).PlaceOrderAsync(request));
        StringAssert.StartsWith(error.Status.Detail, "items[0].expected_unit_price:");
        Assert.AreEqual("orders=0 order_items=0 payments=0 order_events=0", await OrderRowCountsAsync());

        request.Items[0].ExpectedUnitPrice = Eur("99.99");
        Assert.AreEqual(Eur("99.99"), (await OrdersAs(request.UserId).PlaceOrderAsync(request)).Order.Total);
    }

    [TestMethod]
    public async Task ListOrders_pages_through_a_users_orders_newest_first()
    {
        var ada = await CreateUserAsync();
        var grace = await CreateUserAsync("grace@example.com", "Grace Hopper");
        var teapot = await CreateProductAsync();
        var placed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            placed.Add((await PlaceOrderAsync(ada, (teapot, i + 1))).OrderId);
        }
        await PlaceOrderAsync(grace, (teapot, 1));

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await Orders.ListOrdersAsync(new ListOrdersRequest { UserId = ada, PageSize = 2, PageToken = token });
            Assert.IsTrue(page.Orders.All(o => o.UserId == ada && o.Items.Count == 1));
            seen.AddRange(page.Orders.Select(o => o.OrderId));
            token = page.NextPageToken;
        }
        while (token != "");

        placed.Reverse();
        CollectionAssert.AreEqual(placed, seen);
    }

    [TestMethod]
    public async Task ListCustomerSpending_sums_paid_and_fulfilled_orders_per_user_highest_total_first()
    {
        var one = await CreateUserAsync("one@example.com", "One Order");
        var two = await CreateUserAsync("two@example.com", "Two Orders");
        var three = await CreateUserAsync("three@example.com", "Three Orders");
        var teapot = await CreateProductAsync(price: "19.99", stock: 100);
        var cup = await CreateProductAsync(price: "5.01", stock: 100, name: "Cup");

        // 59.97 in one order.
        await PayAsync(await PlaceOrderAsync(one, (teapot, 3)));
        // 19.99 + 10.02 = 30.01 in two orders, one of them fulfilled; average 15.005 rounds to 15.01.
        var fulfilled = await PlaceOrderAsync(two, (teapot, 1));
        await PayAsync(fulfilled);
        await Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = fulfilled.OrderId });
        await PayAsync(await PlaceOrderAsync(two, (cup, 2)));
        // 3 x 5.01 = 15.03 in three orders.
        for (var i = 0; i < 3; i++)
        {
            await PayAsync(await PlaceOrderAsync(three, (cup, 1)));
        }
        // Neither pending nor cancelled orders count.
        await PlaceOrderAsync(three, (teapot, 50));
        var cancelled = await PlaceOrderAsync(two, (teapot, 10));
        await PayAsync(cancelled);
        await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = cancelled.OrderId });

        var customers = (await Orders.ListCustomerSpendingAsync(new ListCustomerSpendingRequest())).Customers;

        var expected = new[]
        {
            (one, 1, Eur("59.97"), Eur("59.97")),
            (two, 2, Eur("30.01"), Eur("15.01")),
            (three, 3, Eur("15.03"), Eur("5.01")),
        };
        CollectionAssert.AreEqual(expected, customers.Select(c => (c.UserId, c.OrderCount, c.TotalSpent, c.AverageOrderValue)).ToArray());

        var top = (await Orders.ListCustomerSpendingAsync(new ListCustomerSpendingRequest { Limit = 1 })).Customers;
        Assert.AreEqual(one, top.Single().UserId);
    }
}
