using Shop.Notifications.Data;
using Shop.Notifications.Model;
using Shop.Notifications.V1;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Notifications.Grpc;

internal static class OrderEventMapping
{
    /// <summary>
    /// The notification an event makes. The declared rules have made the event present, its ids UUIDs, its type a
    /// defined one other than UNSPECIFIED and its time present and within bounds; a time that does not convert is
    /// INVALID_ARGUMENT.
    /// </summary>
    public static NewNotification ToNewNotification(this OrderEvent orderEvent)
    {
        var eventId = Guid.Parse(orderEvent.EventId);
        var kind = NotificationKind.For(orderEvent.Type)
            ?? throw new InvalidOperationException($"No notification is defined for order event type {orderEvent.Type}.");
        var orderId = Guid.Parse(orderEvent.OrderId);
        var userId = Guid.Parse(orderEvent.UserId);
        DateTime occurredAt;
        try
        {
            occurredAt = orderEvent.OccurredAt.ToDateTime();
        }
        catch (InvalidOperationException)
        {
            throw RequestValidation.Invalid("event.occurred_at", $"is not a valid timestamp");
        }
        return new NewNotification(Guid.CreateVersion7(), eventId, userId, orderId, kind.Type, kind.MessageFor(orderId), occurredAt);
    }
}
