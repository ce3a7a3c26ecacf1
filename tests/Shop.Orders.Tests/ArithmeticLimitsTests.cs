using Dapper;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shop.Orders.V1;
using Shop.Testing;

namespace Shop.Orders.Tests;

/// <summary>Stock and money at the edges of what their columns hold: refused with the limit named, never overflowing.</summary>
[TestClass]
public sealed class ArithmeticLimitsTests : OrdersTest
{
    private const int MaxStock = int.MaxValue;

    [TestMethod]
    public async Task AdjustStock_past_the_integer_limit_is_failed_precondition_naming_the_limit_and_changes_nothing()
    {
        var teapot = await CreateProductAsync();
        await SetStockDirectlyAsync(teapot, MaxStock - 5);

        var error = await FailsWith(StatusCode.FailedPrecondition, async () =>
            await Products.AdjustStockAsync(new AdjustStockRequest { ProductId = teapot.ProductId, Delta = 6 }));

        Assert.AreEqual(
            $"delta: 6 would take the stock of product {teapot.ProductId} past 2147483647, the most it can hold (2147483642 in stock)",
            error.Status.Detail);
        Assert.AreEqual(MaxStock - 5, await StockAsync(teapot));
        var atTheLimit = await Products.AdjustStockAsync(new AdjustStockRequest { ProductId = teapot.ProductId, Delta = 5 });
        Assert.AreEqual(MaxStock, atTheLimit.Product.Stock);
    }

    [TestMethod]
    public async Task AdjustStock_below_zero_is_failed_precondition_naming_the_limit_and_changes_nothing()
    {
        var teapot = await CreateProductAsync(stock: 2);

        var error = await FailsWith(StatusCode.FailedPrecondition, async () =>
            await Products.AdjustStockAsync(new AdjustStockRequest { ProductId = teapot.ProductId, Delta = -3 }));

        Assert.AreEqual($"delta: -3 would take the stock of product {teapot.ProductId} below zero (2 in stock)", error.Status.Detail);
        Assert.AreEqual(2, await StockAsync(teapot));
        Assert.AreEqual(0, (await Products.AdjustStockAsync(new AdjustStockRequest { ProductId = teapot.ProductId, Delta = -2 })).Product.Stock);
    }

    [TestMethod]
    public async Task CancelOrder_of_a_paid_order_whose_restock_passes_the_limit_cancels_and_stops_the_stock_at_the_limit()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync(stock: 10);
        var order = await PlaceOrderAsync(userId, (teapot, 3));
        await PayAsync(order);
        await SetStockDirectlyAsync(teapot, MaxStock - 1);

        var cancelled = (await OrdersAs(userId).CancelOrderAsync(new CancelOrderRequest { OrderId = order.OrderId })).Order;

        Assert.AreEqual(OrderStatus.Cancelled, cancelled.Status);
        Assert.AreEqual(MaxStock, await StockAsync(teapot));
        Assert.AreEqual(1L, await QueryOrdersDbAsync<long>("SELECT count(*) FROM order_events WHERE type = 'order_cancelled'"));
        var warning = ServerLog.Current!.Entries.Single(e => e.Level == LogLevel.Warning && e.Message.Contains(teapot.ProductId));
        StringAssert.Contains(warning.Message, $"put back 2 fewer units of product {teapot.ProductId} than it took");
    }

    /// <summary>Each bad value on a paid order's rows, written straight to the database as no service would.</summary>
    [TestMethod]
    [DataRow("UPDATE products SET stock = -1", "23514", "products_stock_check")]
    [DataRow("UPDATE products SET price = 0", "23514", "products_price_check")]
    [DataRow("UPDATE order_items SET quantity = 0", "23514", "order_items_quantity_check")]
    [DataRow("UPDATE order_items SET unit_price = -0.01", "23514", "order_items_unit_price_check")]
    [DataRow("UPDATE order_items SET quantity = 2000000, unit_price = 9999.99", "23514", "order_items_line_total_fits")]
    [DataRow("UPDATE orders SET total = 0", "23514", "orders_total_check")]
    [DataRow("UPDATE payments SET amount = -199.98", "23514", "payments_amount_check")]
    [DataRow("UPDATE order_events SET attempts = -1", "23514", "order_events_attempts_not_negative")]
    [DataRow("UPDATE orders SET total = 10000000000", "22003", null)]
    [DataRow("UPDATE products SET stock = 2147483648", "22003", null)]
    public async Task The_database_refuses_counts_and_amounts_out_of_range_and_keeps_the_rows(string update, string sqlState, string? constraint)
    {
        var userId = await CreateUserAsync();
        var order = await PlaceOrderAsync(userId, (await CreateProductAsync(stock: 10), 2));
        await PayAsync(order);
        var before = await NumbersAsync();

        await using var connection = new NpgsqlConnection(Fixture.Database.ConnectionString);
        var error = await Assert.ThrowsExactlyAsync<PostgresException>(async () => await connection.ExecuteAsync(update));

        Assert.AreEqual((sqlState, constraint), (error.SqlState, error.ConstraintName), error.Message);
        Assert.AreEqual(before, await NumbersAsync());
    }

    private async Task SetStockDirectlyAsync(Product product, int stock) =>
        Assert.AreEqual(stock, await QueryOrdersDbAsync<int>(
            "UPDATE products SET stock = @stock WHERE id = @id::uuid RETURNING stock", new { stock, id = product.ProductId }));

    private Task<string> NumbersAsync() => QueryOrdersDbAsync<string>("""
        SELECT format('stock=%s price=%s quantity=%s unit_price=%s total=%s amount=%s attempts=%s',
            (SELECT sum(stock) FROM products), (SELECT sum(price) FROM products),
            (SELECT sum(quantity) FROM order_items), (SELECT sum(unit_price) FROM order_items),
            (SELECT sum(total) FROM orders), (SELECT sum(amount) FROM payments), (SELECT sum(attempts) FROM order_events))
        """);
}
