using Grpc.Core;
using Shop.Orders.V1;
using Shop.Testing;

namespace Shop.Orders.Tests;

/// <summary>The rules declared in products.proto, orders.proto and money.proto, as callers meet them.</summary>
[TestClass]
public sealed class DeclaredRulesTests : OrdersTest
{
    private const string NothingWritten = "orders=0 order_items=0 payments=0 order_events=0";

    [TestMethod]
    public async Task PlaceOrder_names_every_broken_field_down_to_the_item()
    {
        var teapot = await CreateProductAsync();
        var request = new PlaceOrderRequest
        {
            UserId = "ada",
            Items =
            {
                new PlaceOrderItem { ProductId = teapot.ProductId, Quantity = 0 },
                new PlaceOrderItem { ProductId = "teapot", Quantity = 10_001 },
                new PlaceOrderItem { ProductId = teapot.ProductId, Quantity = 1, ExpectedUnitPrice = new() { CurrencyCode = "eur", Nanos = 1_000_000_000 } },
            },
        };

        var error = await FailsWith(StatusCode.InvalidArgument, async () => await Orders.PlaceOrderAsync(request));

        CollectionAssert.AreEqual(
            new[] { "user_id", "items[0].quantity", "items[1].product_id", "items[1].quantity", "items[2].expected_unit_price.currency_code", "items[2].expected_unit_price.nanos" },
            FieldViolations.Of(error));
        Assert.AreEqual(NothingWritten, await OrderRowCountsAsync());
    }

    [TestMethod]
    public async Task CreateProduct_refuses_control_characters_in_name_and_category_and_writes_nothing()
    {
        var error = await FailsWith(StatusCode.InvalidArgument, async () => await Products.CreateProductAsync(new CreateProductRequest
        {
            Name = "Tea\0pot", Price = Eur("9.99"), Stock = 1, Category = "kitchen\u001b[2J",
        }));

        CollectionAssert.AreEqual(new[] { "name", "category" }, FieldViolations.Of(error));
        Assert.AreEqual(0, (await Products.ListProductsAsync(new ListProductsRequest())).Products.Count);
    }

    [TestMethod]
    public async Task ListProducts_refuses_a_category_with_a_NUL()
    {
        var error = await FailsWith(StatusCode.InvalidArgument, async () => await Products.ListProductsAsync(new ListProductsRequest { Category = "kit\0chen" }));

        CollectionAssert.AreEqual(new[] { "category" }, FieldViolations.Of(error));
    }

    [TestMethod]
    [DataRow(int.MaxValue)]
    [DataRow(int.MinValue)]
    [DataRow(1_000_001)]
    public async Task AdjustStock_beyond_a_million_either_way_is_invalid_argument_and_changes_nothing(int delta)
    {
        var teapot = await CreateProductAsync(stock: 10);

        var error = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Products.AdjustStockAsync(new AdjustStockRequest { ProductId = teapot.ProductId, Delta = delta }));

        CollectionAssert.AreEqual(new[] { "delta" }, FieldViolations.Of(error));
        StringAssert.Contains(error.Status.Detail, "-1000000 and 1000000");
        Assert.AreEqual(10, await StockAsync(teapot));
    }

    [TestMethod]
    public async Task PayOrder_refuses_an_undefined_method_and_a_key_with_control_characters_and_changes_nothing()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync();
        var order = await PlaceOrderAsync(userId, (teapot, 1));
        var before = await OrderRowCountsAsync();

        var error = await FailsWith(StatusCode.InvalidArgument, async () => await Orders.PayOrderAsync(new PayOrderRequest
        {
            OrderId = order.OrderId, Method = (PaymentMethod)99, Amount = order.Total, IdempotencyKey = "key\0\r\n",
        }));

        CollectionAssert.AreEqual(new[] { "method", "idempotency_key" }, FieldViolations.Of(error));
        Assert.AreEqual(before, await OrderRowCountsAsync());
        Assert.AreEqual(10, await StockAsync(teapot));
    }
}
