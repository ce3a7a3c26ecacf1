using Dapper;
using Npgsql;
using Shop.Orders.Data;
using Shop.Orders.Outbox;
using Shop.Testing;

namespace Shop.Orders.Tests;

/// <summary>The repositories' SQL and the schema's constraints against the real orders database, without gRPC in between.</summary>
[TestClass]
public sealed class OrderRepositoryTests : OrdersTest
{
    private NpgsqlDataSource dataSource = null!;
    private ProductRepository products = null!;
    private OrderRepository orders = null!;
    private OrderEventRepository events = null!;

    // No gRPC calls reach the users service here.
    protected override Task<OrdersFixture> CreateFixtureAsync() =>
        OrdersFixture.WithUsersAtAsync(UnresponsiveServer.ClosedAddress(), TimeSpan.FromSeconds(1));

    [TestInitialize]
    public void OpenRepositories()
    {
        dataSource = NpgsqlDataSource.Create(Fixture.Database.ConnectionString);
        products = new ProductRepository(dataSource);
        orders = new OrderRepository(dataSource);
        events = new OrderEventRepository(dataSource);
    }

    [TestCleanup]
    public ValueTask CloseRepositories() => dataSource.DisposeAsync();

    [TestMethod]
    public async Task An_order_item_cannot_point_at_a_missing_product()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var order = await orders.InsertAsync(transaction, Guid.CreateVersion7(), Guid.NewGuid(), OrderStates.Pending, 10m, default);

        var error = await Assert.ThrowsExactlyAsync<PostgresException>(() =>
            orders.InsertItemsAsync(transaction, [new OrderItemRecord(order.Id, Guid.NewGuid(), "Ghost", 1, 10m)], default));

        Assert.AreEqual(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
        Assert.AreEqual("order_items_product_id_fkey", error.ConstraintName);
    }

    [TestMethod]
    public async Task A_product_with_orders_cannot_be_deleted()
    {
        var ordered = await products.InsertAsync(Guid.CreateVersion7(), "Teapot", 99.99m, 10, "kitchen", default);
        await InsertOrderAsync(Guid.NewGuid(), OrderStates.Pending, (ordered, 1));

        await Assert.ThrowsExactlyAsync<ProductInUseException>(() => products.DeleteAsync(ordered.Id, default));
        Assert.AreEqual(ordered, await products.FindAsync(ordered.Id, default));

        // The database refuses it too, whoever asks.
        await using var connection = await dataSource.OpenConnectionAsync();
        var error = await Assert.ThrowsExactlyAsync<PostgresException>(() =>
            connection.ExecuteAsync("DELETE FROM products WHERE id = @Id", new { ordered.Id }));
        Assert.AreEqual(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }

    [TestMethod]
    public async Task A_rolled_back_transaction_leaves_nothing_behind()
    {
        var teapot = await products.InsertAsync(Guid.CreateVersion7(), "Teapot", 99.99m, 10, "kitchen", default);

        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var order = await orders.InsertAsync(transaction, Guid.CreateVersion7(), Guid.NewGuid(), OrderStates.Pending, 199.98m, default);
            await orders.InsertItemsAsync(transaction, [new OrderItemRecord(order.Id, teapot.Id, teapot.Name, 2, teapot.Price)], default);
            Assert.IsTrue(await products.TakeStockAsync(transaction, teapot.Id, 2, default));
            await new PaymentRepository().InsertAsync(transaction, Guid.CreateVersion7(), order.Id, "card", 199.98m, "key", default);
            await orders.SetStatusAsync(transaction, order.Id, OrderStates.Paid, default);
            await events.AppendAsync(transaction, order, OrderEventTypes.Paid, default);
            Assert.AreEqual(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM orders", transaction: transaction));
            await transaction.RollbackAsync();
        }

        Assert.AreEqual("orders=0 order_items=0 payments=0 order_events=0", await OrderRowCountsAsync());
        Assert.AreEqual(10, (await products.FindAsync(teapot.Id, default))!.Stock);
    }

    [TestMethod]
    public async Task TakeStock_never_takes_more_than_there_is()
    {
        var teapot = await products.InsertAsync(Guid.CreateVersion7(), "Teapot", 99.99m, 3, "kitchen", default);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        Assert.IsTrue(await products.TakeStockAsync(transaction, teapot.Id, 2, default));
        Assert.IsFalse(await products.TakeStockAsync(transaction, teapot.Id, 2, default));
        Assert.IsTrue(await products.TakeStockAsync(transaction, teapot.Id, 1, default));
        Assert.AreEqual(0, await products.StockAsync(transaction, teapot.Id, default));
    }

    [TestMethod]
    public async Task Customer_spending_counts_sums_and_averages_paid_and_fulfilled_orders_highest_total_first()
    {
        var cheap = await products.InsertAsync(Guid.CreateVersion7(), "Cup", 0.10m, 100, "kitchen", default);
        var dear = await products.InsertAsync(Guid.CreateVersion7(), "Kettle", 33.33m, 100, "kitchen", default);
        Guid one = Guid.NewGuid(), two = Guid.NewGuid(), three = Guid.NewGuid();
        await InsertOrderAsync(one, OrderStates.Paid, (cheap, 3));                 // 0.30
        await InsertOrderAsync(two, OrderStates.Fulfilled, (dear, 1));             // 33.33
        await InsertOrderAsync(two, OrderStates.Paid, (dear, 2), (cheap, 1));      // 66.76
        await InsertOrderAsync(three, OrderStates.Paid, (cheap, 1));               // 0.10
        await InsertOrderAsync(three, OrderStates.Paid, (cheap, 2));               // 0.20
        await InsertOrderAsync(three, OrderStates.Fulfilled, (dear, 1));           // 33.33
        await InsertOrderAsync(one, OrderStates.Pending, (dear, 9));
        await InsertOrderAsync(three, OrderStates.Cancelled, (dear, 9));

        var rows = await orders.CustomerSpendingAsync(10, default);

        CollectionAssert.AreEqual(
            new[]
            {
                new CustomerSpendingRecord(two, 2, 100.09m, 50.05m),    // 50.045 rounds half away from zero
                new CustomerSpendingRecord(three, 3, 33.63m, 11.21m),
                new CustomerSpendingRecord(one, 1, 0.30m, 0.30m),
            },
            rows.ToArray());
    }

    private async Task InsertOrderAsync(Guid userId, string status, params (ProductRecord Product, int Quantity)[] lines)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = Guid.CreateVersion7();
        var items = lines.Select(l => new OrderItemRecord(id, l.Product.Id, l.Product.Name, l.Quantity, l.Product.Price)).ToList();
        await orders.InsertAsync(transaction, id, userId, status, items.Sum(i => i.LineTotal), default);
        await orders.InsertItemsAsync(transaction, items, default);
        await transaction.CommitAsync();
    }
}
