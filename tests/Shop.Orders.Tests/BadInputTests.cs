using Grpc.Core;
using Shop.Common.V1;
using Shop.Orders.V1;

namespace Shop.Orders.Tests;

/// <summary>Malformed or impossible requests: a precise status naming the field, and nothing written.</summary>
[TestClass]
public sealed class BadInputTests : OrdersTest
{
    private const string NothingWritten = "orders=0 order_items=0 payments=0 order_events=0";

    [TestMethod]
    [DataRow("empty items", "items:")]
    [DataRow("zero quantity", "items[0].quantity:")]
    [DataRow("negative quantity", "items[0].quantity:")]
    [DataRow("malformed product id", "items[0].product_id:")]
    [DataRow("missing product id", "items[0].product_id:")]
    [DataRow("repeated product", "items[1].product_id:")]
    [DataRow("malformed user id", "user_id:")]
    [DataRow("expected price in dollars", "items[0].expected_unit_price.currency_code:")]
    [DataRow("expected price with three decimals", "items[0].expected_unit_price:")]
    public async Task PlaceOrder_with_malformed_input_is_invalid_argument_naming_the_field_and_writes_nothing(string problem, string field)
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync();
        var request = new PlaceOrderRequest { UserId = userId };
        var item = new PlaceOrderItem { ProductId = teapot.ProductId, Quantity = 1 };
        request.Items.Add(item);
        switch (problem)
        {
            case "empty items": request.Items.Clear(); break;
            case "zero quantity": item.Quantity = 0; break;
            case "negative quantity": item.Quantity = -2; break;
            case "malformed product id": item.ProductId = "teapot"; break;
            case "missing product id": item.ProductId = ""; break;
            case "repeated product": request.Items.Add(item.Clone()); break;
            case "malformed user id": request.UserId = "42"; break;
            case "expected price in dollars": item.ExpectedUnitPrice = new Money { CurrencyCode = "USD", Units = 99, Nanos = 990_000_000 }; break;
            case "expected price with three decimals": item.ExpectedUnitPrice = new Money { CurrencyCode = "EUR", Units = 99, Nanos = 990_500_000 }; break;
        }

        var error = await FailsWith(StatusCode.InvalidArgument, async () => await OrdersAs(request.UserId).PlaceOrderAsync(request));
        StringAssert.StartsWith(error.Status.Detail, field);
        Assert.AreEqual(NothingWritten, await OrderRowCountsAsync());
    }

    [TestMethod]
    public async Task PlaceOrder_of_an_unknown_product_is_failed_precondition_and_writes_nothing()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync();
        var missing = Guid.NewGuid().ToString();
        var request = new PlaceOrderRequest { UserId = userId };
        request.Items.Add(new PlaceOrderItem { ProductId = teapot.ProductId, Quantity = 1 });
        request.Items.Add(new PlaceOrderItem { ProductId = missing, Quantity = 1 });

        var error = await FailsWith(StatusCode.FailedPrecondition, async () => await OrdersAs(request.UserId).PlaceOrderAsync(request));
        StringAssert.StartsWith(error.Status.Detail, "items[1].product_id:");
        StringAssert.Contains(error.Status.Detail, missing);
        Assert.AreEqual(NothingWritten, await OrderRowCountsAsync());
    }

    [TestMethod]
    public async Task PlaceOrder_for_an_unknown_user_is_failed_precondition_naming_the_user_and_writes_nothing()
    {
        var teapot = await CreateProductAsync();
        var stranger = Guid.NewGuid().ToString();
        var request = new PlaceOrderRequest { UserId = stranger };
        request.Items.Add(new PlaceOrderItem { ProductId = teapot.ProductId, Quantity = 1 });

        var error = await FailsWith(StatusCode.FailedPrecondition, async () => await OrdersAs(request.UserId).PlaceOrderAsync(request));
        StringAssert.Contains(error.Status.Detail, stranger);
        Assert.AreEqual(NothingWritten, await OrderRowCountsAsync());
    }

    [TestMethod]
    public async Task Unknown_orders_are_not_found_and_malformed_ids_invalid_argument()
    {
        var unknown = Guid.NewGuid().ToString();
        var notFound = await FailsWith(StatusCode.NotFound, async () => await Orders.GetOrderAsync(new GetOrderRequest { OrderId = unknown }));
        StringAssert.Contains(notFound.Status.Detail, unknown);
        await FailsWith(StatusCode.NotFound, async () => await Orders.PayOrderAsync(new PayOrderRequest
        {
            OrderId = unknown, Method = PaymentMethod.Card, Amount = Eur("1.00"), IdempotencyKey = "k",
        }));
        await FailsWith(StatusCode.NotFound, async () => await Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = unknown }));
        await FailsWith(StatusCode.NotFound, async () => await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = unknown }));

        var malformed = await FailsWith(StatusCode.InvalidArgument, async () => await Orders.GetOrderAsync(new GetOrderRequest { OrderId = "order-1" }));
        StringAssert.StartsWith(malformed.Status.Detail, "order_id:");
        await FailsWith(StatusCode.InvalidArgument, async () => await Orders.FulfillOrderAsync(new FulfillOrderRequest()));
        await FailsWith(StatusCode.InvalidArgument, async () => await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = "x" }));
        await FailsWith(StatusCode.InvalidArgument, async () => await Orders.ListOrdersAsync(new ListOrdersRequest { UserId = "x" }));
        await FailsWith(StatusCode.InvalidArgument, async () => await Products.GetProductAsync(new GetProductRequest { ProductId = "x" }));
        Assert.AreEqual(NothingWritten, await OrderRowCountsAsync());
    }

    [TestMethod]
    [DataRow("USD", 199L, 980_000_000, null, "amount.currency_code:")]
    [DataRow("", 199L, 980_000_000, null, "amount.currency_code:")]
    [DataRow("EUR", 199L, 985_000_000, null, "amount:")]
    [DataRow("EUR", 199L, -20_000_000, null, "amount.nanos:")]
    [DataRow("EUR", 199L, 1_000_000_000, null, "amount.nanos:")]
    [DataRow("EUR", -199L, -980_000_000, null, "amount:")]
    [DataRow("EUR", 199L, 980_000_000, "", "idempotency_key:")]
    public async Task PayOrder_with_a_malformed_amount_or_key_is_invalid_argument_and_changes_nothing(
        string currency, long units, int nanos, string? key, string field)
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync();
        var order = await PlaceOrderAsync(userId, (teapot, 2));
        var before = await OrderRowCountsAsync();

        var error = await FailsWith(StatusCode.InvalidArgument,
            () => PayAsync(order, key ?? "key", new Money { CurrencyCode = currency, Units = units, Nanos = nanos }));
        StringAssert.StartsWith(error.Status.Detail, field);

        Assert.AreEqual(before, await OrderRowCountsAsync());
        Assert.AreEqual(10, await StockAsync(teapot));
    }

    [TestMethod]
    public async Task PayOrder_without_a_method_or_amount_is_invalid_argument()
    {
        var userId = await CreateUserAsync();
        var order = await PlaceOrderAsync(userId, (await CreateProductAsync(), 1));

        var noMethod = await FailsWith(StatusCode.InvalidArgument, async () => await Orders.PayOrderAsync(new PayOrderRequest
        {
            OrderId = order.OrderId, Amount = order.Total, IdempotencyKey = "k",
        }));
        StringAssert.StartsWith(noMethod.Status.Detail, "method:");
        var noAmount = await FailsWith(StatusCode.InvalidArgument, async () => await Orders.PayOrderAsync(new PayOrderRequest
        {
            OrderId = order.OrderId, Method = PaymentMethod.Wallet, IdempotencyKey = "k",
        }));
        StringAssert.StartsWith(noAmount.Status.Detail, "amount:");
    }
}
