using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Shop.Notifications.V1;

namespace Shop.Orders.Outbox;

/// <summary>
/// Hands an outbox event to the notifications service (DeliverOrderEvent). Delivery is idempotent by
/// event id on the other side, so delivering again after a lost answer is safe.
/// </summary>
internal sealed class NotificationPublisher(NotificationService.NotificationServiceClient notifications, IOptions<NotificationPublisherOptions> options)
{
    /// <returns>True when this delivery made the notification, false when the event had been delivered before.</returns>
    /// <exception cref="Grpc.Core.RpcException">The notifications service did not take the event.</exception>
    public async Task<bool> PublishAsync(OrderEventRecord orderEvent, CancellationToken ct)
    {
        var response = await notifications.DeliverOrderEventAsync(
            new DeliverOrderEventRequest { Event = ToMessage(orderEvent) },
            deadline: DateTime.UtcNow + options.Value.Deadline,
            cancellationToken: ct);
        return !response.Duplicate;
    }

    public static OrderEvent ToMessage(OrderEventRecord orderEvent) => new()
    {
        EventId = orderEvent.Id.ToString(),
        Type = orderEvent.Type switch
        {
            OrderEventTypes.Placed => OrderEventType.Placed,
            OrderEventTypes.Paid => OrderEventType.Paid,
            OrderEventTypes.Fulfilled => OrderEventType.Fulfilled,
            OrderEventTypes.Cancelled => OrderEventType.Cancelled,
            _ => throw new ArgumentException($"Outbox event {orderEvent.Id} has the unknown type '{orderEvent.Type}'.", nameof(orderEvent)),
        },
        OrderId = orderEvent.OrderId.ToString(),
        UserId = orderEvent.UserId.ToString(),
        OccurredAt = Timestamp.FromDateTime(DateTime.SpecifyKind(orderEvent.OccurredAt, DateTimeKind.Utc)),
    };
}
