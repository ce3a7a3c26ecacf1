namespace Shop.Orders.Data;

/// <summary>A row of the <c>order_events</c> outbox; <see cref="DeliveredAt"/> is null until a dispatcher has delivered it.</summary>
internal sealed record OrderEventRecord(long Sequence, Guid Id, Guid OrderId, Guid UserId, string Type, DateTime OccurredAt, DateTime? DeliveredAt);
