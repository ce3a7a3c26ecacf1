using Shop.Notifications.V1;

namespace Shop.Notifications.Tests;

[TestClass]
public sealed class DeliveryTests : NotificationsTest
{
    [TestMethod]
    [DataRow(OrderEventType.Placed, "order_placed", "placed")]
    [DataRow(OrderEventType.Paid, "order_processed", "paid")]
    [DataRow(OrderEventType.Fulfilled, "order_fulfilled", "fulfilled")]
    [DataRow(OrderEventType.Cancelled, "order_cancelled", "cancelled")]
    public async Task Delivery_stores_the_notification_type_for_the_event_type(OrderEventType eventType, string type, string wording)
    {
        var orderEvent = Event(eventType);

        var reply = await DeliverAsync(orderEvent);

        var notification = reply.Notification;
        Assert.IsFalse(reply.Duplicate);
        Assert.IsTrue(Guid.TryParse(notification.NotificationId, out _));
        Assert.AreEqual(type, notification.Type);
        Assert.AreEqual((orderEvent.EventId, orderEvent.OrderId, orderEvent.UserId), (notification.EventId, notification.OrderId, notification.UserId));
        StringAssert.Contains(notification.Message, orderEvent.OrderId);
        StringAssert.Contains(notification.Message, wording);
        Assert.IsFalse(notification.Read);
        Assert.IsTrue(notification.CreatedAt.ToDateTime() > DateTime.UtcNow.AddMinutes(-1));

        var listed = await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = orderEvent.UserId });
        Assert.AreEqual(notification, listed.Notifications.Single());
    }

    [TestMethod]
    public async Task Redelivering_an_event_returns_the_first_notification_as_a_duplicate_and_stores_no_second()
    {
        var orderEvent = Event(OrderEventType.Paid);
        var first = await DeliverAsync(orderEvent);

        var again = await DeliverAsync(orderEvent);
        var yetAgain = await DeliverAsync(orderEvent);

        Assert.IsFalse(first.Duplicate);
        Assert.IsTrue(again.Duplicate);
        Assert.IsTrue(yetAgain.Duplicate);
        Assert.AreEqual(first.Notification, again.Notification);
        Assert.AreEqual(first.Notification, yetAgain.Notification);
        Assert.AreEqual(1, await StoredRowsAsync());
    }

    [TestMethod]
    public async Task A_redelivery_that_differs_keeps_what_the_first_delivery_stored()
    {
        var orderEvent = Event(OrderEventType.Placed);
        var first = await DeliverAsync(orderEvent);

        var changed = orderEvent.Clone();
        changed.Type = OrderEventType.Cancelled;
        var again = await DeliverAsync(changed);

        Assert.IsTrue(again.Duplicate);
        Assert.AreEqual(first.Notification, again.Notification);
        Assert.AreEqual("order_placed", again.Notification.Type);
    }

    [TestMethod]
    public async Task Ten_concurrent_deliveries_of_one_event_store_one_notification_and_report_one_as_new()
    {
        var orderEvent = Event(OrderEventType.Paid);

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => DeliverAsync(orderEvent))));

        Assert.AreEqual(1, replies.Count(r => !r.Duplicate), "exactly one delivery inserts");
        Assert.AreEqual(1, replies.Select(r => r.Notification.NotificationId).Distinct().Count(), "every delivery answers with that one notification");
        Assert.AreEqual(1, await StoredRowsAsync(orderEvent.EventId));
    }

    [TestMethod]
    public async Task Distinct_events_of_one_order_each_make_a_notification()
    {
        var userId = Guid.NewGuid().ToString();
        var orderId = Guid.NewGuid().ToString();
        foreach (var type in new[] { OrderEventType.Placed, OrderEventType.Paid, OrderEventType.Fulfilled })
        {
            Assert.IsFalse((await DeliverAsync(Event(type, userId, orderId))).Duplicate);
        }

        Assert.AreEqual(3, await StoredRowsAsync());
    }
}
