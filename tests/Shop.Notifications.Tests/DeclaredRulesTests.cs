using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Shop.Notifications.V1;
using Shop.Testing;

namespace Shop.Notifications.Tests;

/// <summary>The rules declared in notifications.proto, as callers meet them.</summary>
[TestClass]
public sealed class DeclaredRulesTests : NotificationsTest
{
    public static IEnumerable<object[]> InsaneTimes() =>
    [
        ["year 1", new Timestamp { Seconds = -62135596800 }],
        ["1999", Timestamp.FromDateTime(new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc))],
        ["tomorrow", Timestamp.FromDateTime(DateTime.UtcNow.AddDays(1))],
        ["beyond year 9999", new Timestamp { Seconds = long.MaxValue }],
    ];

    [TestMethod]
    [DynamicData(nameof(InsaneTimes))]
    public async Task An_event_dated_before_2000_or_in_the_future_is_invalid_argument_and_writes_nothing(string when, Timestamp occurredAt)
    {
        var orderEvent = Event(OrderEventType.Paid);
        orderEvent.OccurredAt = occurredAt;

        var error = await FailsWith(StatusCode.InvalidArgument, () => DeliverAsync(orderEvent));

        CollectionAssert.AreEqual(new[] { "event.occurred_at" }, FieldViolations.Of(error), when);
        Assert.AreEqual(0, await StoredRowsAsync());
    }

    [TestMethod]
    public async Task An_event_breaking_every_rule_lists_every_field()
    {
        var error = await FailsWith(StatusCode.InvalidArgument, () => DeliverAsync(new OrderEvent { Type = (OrderEventType)42 }));

        CollectionAssert.AreEqual(
            new[] { "event.event_id", "event.type", "event.order_id", "event.user_id", "event.occurred_at" },
            FieldViolations.Of(error));
    }
}
