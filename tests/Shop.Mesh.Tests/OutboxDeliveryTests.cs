using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using Grpc.Core;
using Npgsql;
using Shop.Orders.V1;
using Shop.Testing;

namespace Shop.Mesh.Tests;

/// <summary>The orders outbox delivered to notifications: in order per order, once per event, through outages.</summary>
[TestClass]
public sealed class OutboxDeliveryTests : MeshTest
{
    [TestMethod]
    public async Task Each_orders_events_arrive_in_the_order_they_happened()
    {
        var userId = await Calls.CreateUserAsync("ada@example.com");
        var product = await Calls.CreateProductAsync("5.00", 100);
        var orders = new List<Order>();
        for (var i = 0; i < 3; i++) orders.Add(await Calls.PlaceOrderAsync(userId, product, 1));
        foreach (var order in orders) await Calls.PayAsync(order);
        await Calls.FulfilAsync(orders[1]);
        await Calls.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = orders[2].OrderId });

        var notifications = await Calls.WaitForNotificationsAsync(userId, 8, DeliveryBound);

        Assert.HasCount(8, notifications);
        string[] Types(Order order) => notifications.Where(n => n.OrderId == order.OrderId).Select(n => n.Type).ToArray();
        CollectionAssert.AreEqual(new[] { "order_placed", "order_processed" }, Types(orders[0]));
        CollectionAssert.AreEqual(new[] { "order_placed", "order_processed", "order_fulfilled" }, Types(orders[1]));
        CollectionAssert.AreEqual(new[] { "order_placed", "order_processed", "order_cancelled" }, Types(orders[2]));
        // Every outbox row became exactly the notification with its event id.
        await WaitUntilOutboxDrainedAsync();
        CollectionAssert.AreEquivalent(await OutboxEventIdsAsync(delivered: true), notifications.Select(n => n.EventId).ToList());
    }

    [TestMethod]
    public async Task Events_delivered_again_after_lost_marks_make_no_second_notification()
    {
        var userId = await Calls.CreateUserAsync("grace@example.com");
        var order = await Calls.PayAsync(await Calls.PlaceOrderAsync(userId, await Calls.CreateProductAsync(), 1));
        var first = await Calls.WaitForNotificationsAsync(userId, 2, DeliveryBound);

        // As after a crash between the delivery calls and the commit of their marks.
        await ExecuteOnOrdersDbAsync("UPDATE order_events SET delivered_at = NULL");
        await WaitUntilOutboxDrainedAsync();

        var after = await Calls.NotificationsAsync(userId);
        CollectionAssert.AreEqual(first.Select(n => n.NotificationId).ToList(), after.Select(n => n.NotificationId).ToList());
        Assert.AreEqual(order.OrderId, after.Single(n => n.Type == "order_processed").OrderId);
    }

    [TestMethod]
    public async Task With_notifications_down_orders_keep_working_and_every_event_arrives_once_it_is_back()
    {
        ExpectOutboxErrors();
        var userId = await Calls.CreateUserAsync("linus@example.com");
        Order order;
        using (Mesh.Router.TakeDown("notifications"))
        {
            order = await Calls.PlaceOrderAsync(userId, await Calls.CreateProductAsync(), 2);
            Assert.AreEqual(OrderStatus.Paid, (await Calls.PayAsync(order)).Status);
            Assert.AreEqual(OrderStatus.Fulfilled, (await Calls.FulfilAsync(order)).Status);

            await Task.Delay(TimeSpan.FromSeconds(1)); // several failed rounds
            Assert.HasCount(3, await OutboxEventIdsAsync(delivered: false));
            Assert.IsEmpty(await Calls.NotificationsAsync(userId));
        }

        var notifications = await Calls.WaitForNotificationsAsync(userId, 3, DeliveryBound);

        CollectionAssert.AreEqual(new[] { "order_placed", "order_processed", "order_fulfilled" }, notifications.Select(n => n.Type).ToArray());
        Assert.IsTrue(notifications.All(n => n.OrderId == order.OrderId));
        await WaitUntilOutboxDrainedAsync();
    }

    [TestMethod]
    public async Task An_event_notifications_rejects_holds_back_only_its_own_order()
    {
        ExpectOutboxErrors();
        var product = await Calls.CreateProductAsync("5.00", 100);
        var stuckUser = await Calls.CreateUserAsync("stuck@example.com");
        var flowingUser = await Calls.CreateUserAsync("flowing@example.com");
        Order stuck;
        using (NotificationsGate.Reject(stuckUser))
        {
            stuck = await Calls.PayAsync(await Calls.PlaceOrderAsync(stuckUser, product, 1));
            await Calls.PayAsync(await Calls.PlaceOrderAsync(flowingUser, product, 1));

            // Queued behind the rejected events, the other order's still arrive.
            CollectionAssert.AreEqual(new[] { "order_placed", "order_processed" },
                (await Calls.WaitForNotificationsAsync(flowingUser, 2, DeliveryBound)).Select(n => n.Type).ToArray());
            Assert.IsEmpty(await Calls.NotificationsAsync(stuckUser));
            // The rejection is on the row for operators (committed with the batch, so polled).
            await using var connection = new NpgsqlConnection(Mesh.OrdersDatabase.ConnectionString);
            var lastError = await Poll.UntilAsync(
                () => connection.QuerySingleOrDefaultAsync<string?>(
                    "SELECT last_error FROM order_events WHERE order_id = @id AND type = 'order_placed' AND attempts >= 1",
                    new { id = Guid.Parse(stuck.OrderId) }),
                error => error is not null, DeliveryBound);
            if (lastError is null) Assert.Fail("The rejection was not recorded on the outbox row.");
            StringAssert.Contains(lastError, "FailedPrecondition");
        }

        // Accepted at last: the held-back order's events arrive, in order.
        CollectionAssert.AreEqual(new[] { "order_placed", "order_processed" },
            (await Calls.WaitForNotificationsAsync(stuckUser, 2, DeliveryBound)).Select(n => n.Type).ToArray());
        await WaitUntilOutboxDrainedAsync();
    }

    [TestMethod]
    public async Task A_batch_delivers_its_orders_at_the_same_time_and_each_orders_events_in_sequence()
    {
        ExpectOutboxErrors();
        var userId = await Calls.CreateUserAsync("batch@example.com");
        var product = await Calls.CreateProductAsync("5.00", 100);
        var orders = new List<Order>();
        // Taken down while the orders are made, so that all their events wait for one batch.
        using (Mesh.Router.TakeDown("notifications"))
        {
            for (var i = 0; i < 6; i++) orders.Add(await Calls.PlaceOrderAsync(userId, product, 1));
            foreach (var order in orders.Take(5)) await Calls.PayAsync(order);
            foreach (var order in orders.Take(2)) await Calls.FulfilAsync(order);
            foreach (var order in new[] { orders[2], orders[5] }) await Calls.Orders.CancelOrderAsync(new CancelOrderRequest { OrderId = order.OrderId });
            // Each order's first event is held until all six orders' are under way together.
            DeliveryWatch.Begin(orders.Count);
        }

        await AssertTogetherAsync(orders.Count);
        await Calls.WaitForNotificationsAsync(userId, 15, DeliveryBound);
        await WaitUntilOutboxDrainedAsync();

        var expected = new[] { "PAID FULFILLED", "PAID FULFILLED", "PAID CANCELLED", "PAID", "PAID", "CANCELLED" };
        for (var i = 0; i < orders.Count; i++)
        {
            var arrived = DeliveryWatch.ArrivalsOf(orders[i].OrderId).Select(type => type.Replace("ORDER_EVENT_TYPE_", "", StringComparison.Ordinal));
            Assert.AreEqual("PLACED " + expected[i], string.Join(' ', arrived), $"order {i}'s events in the order they arrived");
        }
        Assert.IsEmpty(DeliveryWatch.Overtakes, "an order's event arrived while an earlier one of its order was under way");
    }

    [TestMethod]
    public async Task A_batch_has_at_most_MaxConcurrentDeliveries_under_way()
    {
        ExpectOutboxErrors();
        var userId = await Calls.CreateUserAsync("many@example.com");
        var product = await Calls.CreateProductAsync("5.00", 100);
        const int orders = MaxConcurrentDeliveries + 4;
        using (Mesh.Router.TakeDown("notifications"))
        {
            for (var i = 0; i < orders; i++) await Calls.PlaceOrderAsync(userId, product, 1);
            DeliveryWatch.Begin(MaxConcurrentDeliveries);
        }

        await AssertTogetherAsync(MaxConcurrentDeliveries);
        Assert.HasCount(orders, await Calls.WaitForNotificationsAsync(userId, orders, DeliveryBound));
        await WaitUntilOutboxDrainedAsync();
        Assert.AreEqual(MaxConcurrentDeliveries, DeliveryWatch.MostAtOnce);
    }

    [TestMethod]
    public async Task A_rejected_event_holds_back_its_own_orders_later_events_while_the_rest_of_its_batch_is_delivered()
    {
        ExpectOutboxErrors();
        var product = await Calls.CreateProductAsync("5.00", 100);
        var stuckUser = await Calls.CreateUserAsync("held@example.com");
        var flowingUser = await Calls.CreateUserAsync("going@example.com");
        Order stuck;
        var flowing = new List<Order>();
        using (NotificationsGate.Reject(stuckUser))
        {
            // All in one batch: the stuck order first, its order_paid behind its rejected order_placed.
            using (Mesh.Router.TakeDown("notifications"))
            {
                stuck = await Calls.PayAsync(await Calls.PlaceOrderAsync(stuckUser, product, 1));
                for (var i = 0; i < 3; i++) flowing.Add(await Calls.PayAsync(await Calls.PlaceOrderAsync(flowingUser, product, 1)));
                DeliveryWatch.Begin(flowing.Count);
            }

            await AssertTogetherAsync(flowing.Count);
            Assert.HasCount(6, await Calls.WaitForNotificationsAsync(flowingUser, 6, DeliveryBound));
            await using var connection = new NpgsqlConnection(Mesh.OrdersDatabase.ConnectionString);
            var undelivered = await Poll.UntilAsync(
                () => connection.QuerySingleAsync<long>("SELECT count(*) FROM order_events WHERE order_id = ANY(@ids) AND delivered_at IS NULL",
                    new { ids = flowing.Select(o => Guid.Parse(o.OrderId)).ToArray() }),
                count => count == 0, DeliveryBound);
            Assert.AreEqual(0L, undelivered, "the other orders' events of the batch are marked delivered");
            var rows = (await connection.QueryAsync<(string Type, int Attempts, bool Delivered)>(
                "SELECT type, attempts, delivered_at IS NOT NULL FROM order_events WHERE order_id = @id ORDER BY sequence",
                new { id = Guid.Parse(stuck.OrderId) })).ToArray();
            Assert.AreEqual(("order_placed", false), (rows[0].Type, rows[0].Delivered));
            Assert.IsGreaterThanOrEqualTo(1, rows[0].Attempts, "the rejection is recorded");
            Assert.AreEqual(("order_paid", 0, false), rows[1], "never tried ahead of its order's rejected event");
            Assert.IsEmpty(await Calls.NotificationsAsync(stuckUser));
        }

        CollectionAssert.AreEqual(new[] { "order_placed", "order_processed" },
            (await Calls.WaitForNotificationsAsync(stuckUser, 2, DeliveryBound)).Select(n => n.Type).ToArray());
        await WaitUntilOutboxDrainedAsync();
    }

    [TestMethod]
    public async Task A_delivery_joins_the_trace_of_the_call_that_made_the_change()
    {
        var deliveries = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Shop.Mesh",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = deliveries.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var userId = await Calls.CreateUserAsync("trace@example.com");
        var order = await Calls.PlaceOrderAsync(userId, await Calls.CreateProductAsync(), 1);
        var traceId = ActivityTraceId.CreateRandom();

        // The caller's trace context, as an instrumented client sends it.
        await Calls.Orders.PayOrderAsync(
            new PayOrderRequest { OrderId = order.OrderId, Method = PaymentMethod.Card, Amount = order.Total, IdempotencyKey = "k-1" },
            new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } });
        await Calls.WaitForNotificationsAsync(userId, 2, DeliveryBound);

        var paid = deliveries.Single(a => a.OperationName == "outbox deliver order_paid" && (string?)a.GetTagItem("shop.order_id")?.ToString() == order.OrderId);
        Assert.AreEqual(traceId, paid.TraceId);
    }

    /// <summary>The outbox reports each delivery an outage fails, and each rejection it stages, as an error.</summary>
    private static void ExpectOutboxErrors() => ServerLog.Current!.ExpectErrors(e => e.Message.StartsWith("Outbox: ", StringComparison.Ordinal));

    /// <summary>Fails unless <paramref name="count"/> deliveries were under way together, which a dispatcher delivering one at a time never reaches.</summary>
    private async Task AssertTogetherAsync(int count)
    {
        try
        {
            await DeliveryWatch.Together.WaitAsync(DeliveryBound);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{count} deliveries were never under way together (at most {DeliveryWatch.MostAtOnce}).");
        }
    }

    private async Task<List<string>> OutboxEventIdsAsync(bool delivered)
    {
        await using var connection = new NpgsqlConnection(Mesh.OrdersDatabase.ConnectionString);
        var ids = await connection.QueryAsync<Guid>(
            $"SELECT id FROM order_events WHERE delivered_at IS {(delivered ? "NOT " : "")}NULL ORDER BY sequence");
        return ids.Select(id => id.ToString()).ToList();
    }

    private async Task ExecuteOnOrdersDbAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Mesh.OrdersDatabase.ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    private async Task WaitUntilOutboxDrainedAsync()
    {
        var undelivered = await Poll.UntilAsync(() => OutboxEventIdsAsync(delivered: false), ids => ids.Count == 0, DeliveryBound);
        if (undelivered.Count > 0) Assert.Fail($"The outbox was not drained within {DeliveryBound.TotalSeconds:0} s.");
    }
}
