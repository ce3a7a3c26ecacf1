namespace Shop.Orders.Outbox;

/// <summary>A row of the <c>order_events</c> outbox; <see cref="DeliveredAt"/> is null until a dispatcher has delivered it.</summary>
/// <param name="TraceParent">The W3C traceparent of the call that made the change, if it was traced.</param>
internal sealed record OrderEventRecord(
    long Sequence, Guid Id, Guid OrderId, Guid UserId, string Type, DateTime OccurredAt, DateTime? DeliveredAt, string? TraceParent = null);
