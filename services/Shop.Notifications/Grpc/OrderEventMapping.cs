using Shop.Notifications.Data;
using Shop.Notifications.Model;
using Shop.Notifications.V1;
using Shop.ServiceDefaults.Grpc;

namespace Shop.Notifications.Grpc;

internal static class OrderEventMapping
{
    /// <summary>The notification an event makes, or INVALID_ARGUMENT naming the first bad field.</summary>
    public static NewNotification ToNewNotification(this OrderEvent? orderEvent)
    {
        if (orderEvent is null) throw RequestValidation.Invalid("event", $"is required");
        var eventId = RequestValidation.RequireId(orderEvent.EventId, "event.event_id");
        var kind = NotificationKind.For(orderEvent.Type) ?? throw (orderEvent.Type == OrderEventType.Unspecified
            ? RequestValidation.Invalid("event.type", $"must be specified")
            : RequestValidation.Invalid("event.type", $"{(int)orderEvent.Type} is not a known order event type"));
        var orderId = RequestValidation.RequireId(orderEvent.OrderId, "event.order_id");
        var userId = RequestValidation.RequireId(orderEvent.UserId, "event.user_id");
        if (orderEvent.OccurredAt is null) throw RequestValidation.Invalid("event.occurred_at", $"is required");
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
