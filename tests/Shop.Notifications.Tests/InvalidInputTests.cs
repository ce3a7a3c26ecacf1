using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Shop.Notifications.V1;

namespace Shop.Notifications.Tests;

[TestClass]
public sealed class InvalidInputTests : NotificationsTest
{
    public static IEnumerable<object[]> BadEvents()
    {
        static object[] Case(string field, Action<OrderEvent> spoil)
        {
            var orderEvent = Event(OrderEventType.Paid);
            spoil(orderEvent);
            return [field, orderEvent];
        }

        yield return Case("event.event_id", e => e.EventId = "");
        yield return Case("event.event_id", e => e.EventId = "evt-1");
        yield return Case("event.type", e => e.Type = OrderEventType.Unspecified);
        yield return Case("event.type", e => e.Type = (OrderEventType)42);
        yield return Case("event.order_id", e => e.OrderId = "");
        yield return Case("event.order_id", e => e.OrderId = "not-a-uuid");
        yield return Case("event.user_id", e => e.UserId = "");
        yield return Case("event.user_id", e => e.UserId = "12345");
        yield return Case("event.occurred_at", e => e.OccurredAt = null);
        yield return Case("event.occurred_at", e => e.OccurredAt = new Timestamp { Seconds = 1, Nanos = -5 });
    }

    [TestMethod]
    [DynamicData(nameof(BadEvents))]
    public async Task A_bad_event_is_invalid_argument_naming_the_field_and_writes_nothing(string field, OrderEvent orderEvent)
    {
        var error = await FailsWith(StatusCode.InvalidArgument, () => DeliverAsync(orderEvent));

        StringAssert.StartsWith(error.Status.Detail, field + ":");
        Assert.AreEqual(0, await StoredRowsAsync());
    }

    [TestMethod]
    public async Task A_request_without_an_event_is_invalid_argument()
    {
        var error = await FailsWith(StatusCode.InvalidArgument, async () =>
            await FromOrders.DeliverOrderEventAsync(new DeliverOrderEventRequest()));

        StringAssert.StartsWith(error.Status.Detail, "event:");
        Assert.AreEqual(0, await StoredRowsAsync());
    }

    [TestMethod]
    public async Task List_and_mark_read_reject_malformed_ids_page_sizes_and_tokens()
    {
        var userId = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = "ada" }));
        StringAssert.StartsWith(userId.Status.Detail, "user_id:");

        var missingUser = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Notifications.ListNotificationsAsync(new ListNotificationsRequest()));
        StringAssert.StartsWith(missingUser.Status.Detail, "user_id:");

        var size = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = Guid.NewGuid().ToString(), PageSize = 101 }));
        StringAssert.StartsWith(size.Status.Detail, "page_size:");

        var token = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Notifications.ListNotificationsAsync(new ListNotificationsRequest { UserId = Guid.NewGuid().ToString(), PageToken = "garbage!" }));
        StringAssert.StartsWith(token.Status.Detail, "page_token:");

        var notificationId = await FailsWith(StatusCode.InvalidArgument, async () =>
            await Notifications.MarkReadAsync(new MarkReadRequest { NotificationId = "1" }));
        StringAssert.StartsWith(notificationId.Status.Detail, "notification_id:");
    }
}
