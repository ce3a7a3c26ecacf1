using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Shop.Orders.Outbox;
using Shop.Orders.V1;

namespace Shop.Orders.Tests;

/// <summary>Every order state change leaves one event in the order_events outbox, in order, undelivered.</summary>
[TestClass]
public sealed class OutboxTests : OrdersTest
{
    private NpgsqlDataSource dataSource = null!;
    private OrderEventRepository outbox = null!;

    [TestInitialize]
    public void OpenOutbox()
    {
        dataSource = NpgsqlDataSource.Create(Fixture.Database.ConnectionString);
        outbox = new OrderEventRepository(dataSource);
    }

    [TestCleanup]
    public ValueTask CloseOutbox() => dataSource.DisposeAsync();

    [TestMethod]
    public async Task Each_transition_appends_one_event_in_sequence()
    {
        var userId = await CreateUserAsync();
        var teapot = await CreateProductAsync();
        var fulfilled = await PlaceOrderAsync(userId, (teapot, 1));
        await PayAsync(fulfilled);
        await Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = fulfilled.OrderId });
        var cancelled = await PlaceOrderAsync(userId, (teapot, 1));
        await Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = cancelled.OrderId });

        var events = await outbox.ListUndeliveredAsync(100, default);

        CollectionAssert.AreEqual(
            new[]
            {
                (fulfilled.OrderId, "order_placed"), (fulfilled.OrderId, "order_paid"), (fulfilled.OrderId, "order_fulfilled"),
                (cancelled.OrderId, "order_placed"), (cancelled.OrderId, "order_cancelled"),
            },
            events.Select(e => (e.OrderId.ToString(), e.Type)).ToArray());
        Assert.IsTrue(events.All(e => e.UserId.ToString() == userId && e.DeliveredAt is null));
        Assert.AreEqual(events.Count, events.Select(e => e.Id).Distinct().Count(), "event ids are unique");
        CollectionAssert.AreEqual(events.OrderBy(e => e.Sequence).ToList(), events.ToList());
    }

    [TestMethod]
    public async Task A_failed_transition_appends_no_event()
    {
        var userId = await CreateUserAsync();
        var order = await PlaceOrderAsync(userId, (await CreateProductAsync(stock: 1), 2));

        await Assert.ThrowsExactlyAsync<RpcException>(() => PayAsync(order));
        await Assert.ThrowsExactlyAsync<RpcException>(async () => await Orders.FulfillOrderAsync(new FulfillOrderRequest { OrderId = order.OrderId }));

        Assert.AreEqual("order_placed", (await outbox.ListUndeliveredAsync(100, default)).Single().Type);
    }

    [TestMethod]
    public async Task Delivered_events_are_not_read_again()
    {
        var userId = await CreateUserAsync();
        var order = await PlaceOrderAsync(userId, (await CreateProductAsync(), 1));
        await PayAsync(order);

        // As the dispatcher does: claim, mark in the claiming transaction, commit.
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var first = await outbox.ClaimUndeliveredAsync(transaction, 1, default);
            Assert.AreEqual("order_placed", first.Single().Type);
            await outbox.MarkDeliveredAsync(transaction, [first[0].Id], default);
            await transaction.CommitAsync();
        }

        Assert.AreEqual("order_paid", (await outbox.ListUndeliveredAsync(100, default)).Single().Type);
        Assert.AreEqual(1L, await QueryOrdersDbAsync<long>("SELECT count(*) FROM order_events WHERE delivered_at IS NOT NULL"));
    }

    [TestMethod]
    public void The_dispatcher_of_these_hosts_is_off_so_nothing_else_takes_the_events()
    {
        // The host's final configuration, as the dispatcher reads it: the test settings win over appsettings.
        var settings = Fixture.Host.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;
        Assert.IsFalse(settings.Enabled);
    }

    [TestMethod]
    public void The_dispatcher_needs_at_least_one_delivery_at_a_time()
    {
        Assert.IsTrue(new OutboxOptions().IsUsable);
        Assert.IsFalse(new OutboxOptions { MaxConcurrentDeliveries = 0 }.IsUsable);
    }

    [TestMethod]
    public async Task A_second_dispatcher_claims_no_event_of_an_order_the_first_one_holds()
    {
        var userId = await CreateUserAsync();
        var product = await CreateProductAsync();
        var first = await PlaceOrderAsync(userId, (product, 1));
        await PayAsync(first);
        var second = await PlaceOrderAsync(userId, (product, 1));

        await using var connectionA = await dataSource.OpenConnectionAsync();
        await using var a = await connectionA.BeginTransactionAsync();
        var claimedByA = await outbox.ClaimUndeliveredAsync(a, 1, default);
        await using var connectionB = await dataSource.OpenConnectionAsync();
        await using var b = await connectionB.BeginTransactionAsync();
        var claimedByB = await outbox.ClaimUndeliveredAsync(b, 10, default);

        Assert.AreEqual((first.OrderId, "order_placed"), claimedByA.Select(e => (e.OrderId.ToString(), e.Type)).Single());
        // Not the first order's order_paid, which would overtake its order_placed.
        CollectionAssert.AreEqual(new[] { (second.OrderId, "order_placed") }, claimedByB.Select(e => (e.OrderId.ToString(), e.Type)).ToArray(),
            string.Join(", ", claimedByB.Select(e => $"{e.Sequence} {e.Type}")));
    }

    [TestMethod]
    public async Task A_rejected_event_and_its_orders_later_events_wait_for_its_next_attempt()
    {
        var userId = await CreateUserAsync();
        var product = await CreateProductAsync();
        var rejected = await PlaceOrderAsync(userId, (product, 1));
        await PayAsync(rejected);
        var other = await PlaceOrderAsync(userId, (product, 1));

        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var placed = (await outbox.ClaimUndeliveredAsync(transaction, 1, default)).Single();
            await outbox.RecordRejectionAsync(transaction, placed.Id, "FailedPrecondition: refused", TimeSpan.FromMinutes(10), default);
            await transaction.CommitAsync();
        }

        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var claimed = await outbox.ClaimUndeliveredAsync(transaction, 10, default);
            CollectionAssert.AreEqual(new[] { (other.OrderId, "order_placed") }, claimed.Select(e => (e.OrderId.ToString(), e.Type)).ToArray());
        }
        Assert.AreEqual("1 FailedPrecondition: refused", await QueryOrdersDbAsync<string>(
            "SELECT attempts || ' ' || last_error FROM order_events WHERE type = 'order_placed' AND order_id = @id AND next_attempt_at > now()",
            new { id = Guid.Parse(rejected.OrderId) }));
    }
}
