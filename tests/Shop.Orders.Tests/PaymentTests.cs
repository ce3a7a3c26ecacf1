using Grpc.Core;
using Shop.Orders.V1;

namespace Shop.Orders.Tests;

/// <summary>PayOrder under retries and contention: stock is never oversold, a payment is never taken twice.</summary>
[TestClass]
public sealed class PaymentTests : OrdersTest
{
    [TestMethod]
    public async Task Concurrent_payments_for_the_last_units_succeed_exactly_as_often_as_stock_allows()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync(stock: 5);
        var orders = new List<Order>();
        for (var i = 0; i < 20; i++)
        {
            orders.Add(await PlaceOrderAsync(userId, (teapot, 1)));
        }

        var outcomes = await Task.WhenAll(orders.Select(async order =>
        {
            try
            {
                await PayAsync(order);
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.AreEqual(5, outcomes.Count(s => s == StatusCode.OK), string.Join(", ", outcomes));
        Assert.AreEqual(15, outcomes.Count(s => s == StatusCode.FailedPrecondition), string.Join(", ", outcomes));
        Assert.AreEqual(0, await StockAsync(teapot));
        Assert.AreEqual(5L, await QueryOrdersDbAsync<long>("SELECT count(*) FROM payments"));
        Assert.AreEqual(5L, await QueryOrdersDbAsync<long>("SELECT count(*) FROM orders WHERE status = 'paid'"));
    }

    [TestMethod]
    public async Task PayOrder_again_with_the_same_key_returns_the_first_payment_and_charges_once()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync(stock: 10);
        var order = await PlaceOrderAsync(userId, (teapot, 2));

        var first = await PayAsync(order, "key-1");
        var retry = await PayAsync(order, "key-1");

        Assert.AreEqual(first.Payment, retry.Payment);
        Assert.AreEqual(first.Order, retry.Order);
        Assert.AreEqual(8, await StockAsync(teapot));
        Assert.AreEqual(1L, await QueryOrdersDbAsync<long>("SELECT count(*) FROM payments"));
        Assert.AreEqual(1L, await QueryOrdersDbAsync<long>("SELECT count(*) FROM order_events WHERE type = 'order_paid'"));
    }

    [TestMethod]
    public async Task Concurrent_duplicates_of_one_payment_all_get_the_same_payment_and_take_stock_once()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync(stock: 10);
        var order = await PlaceOrderAsync(userId, (teapot, 3));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PayAsync(order, "double-click")));

        Assert.AreEqual(1, responses.Select(r => r.Payment.PaymentId).Distinct().Count());
        Assert.IsTrue(responses.All(r => r.Order.Status == OrderStatus.Paid));
        Assert.AreEqual(7, await StockAsync(teapot));
        Assert.AreEqual(1L, await QueryOrdersDbAsync<long>("SELECT count(*) FROM payments"));
    }

    [TestMethod]
    public async Task The_same_key_with_a_different_amount_fails_and_changes_nothing()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync(stock: 10);
        var order = await PlaceOrderAsync(userId, (teapot, 2));
        var first = await PayAsync(order, "key-1");
        var before = await OrderRowCountsAsync();

        var error = await FailsWith(StatusCode.FailedPrecondition, () => PayAsync(order, "key-1", Eur("99.99")));
        StringAssert.StartsWith(error.Status.Detail, "idempotency_key:");

        Assert.AreEqual(before, await OrderRowCountsAsync());
        Assert.AreEqual(8, await StockAsync(teapot));
        Assert.AreEqual(first.Payment, (await PayAsync(order, "key-1")).Payment);
    }

    [TestMethod]
    public async Task A_retry_after_fulfilment_still_returns_the_payment()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync(stock: 10);
        var order = await PlaceOrderAsync(userId, (teapot, 1));
        var first = await PayAsync(order, "key-1");
        await Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = order.OrderId });

        var retry = await PayAsync(order, "key-1");

        Assert.AreEqual(first.Payment, retry.Payment);
        Assert.AreEqual(OrderStatus.Fulfilled, retry.Order.Status, "the order as it is now");
        Assert.AreEqual(9, await StockAsync(teapot));
    }
}
