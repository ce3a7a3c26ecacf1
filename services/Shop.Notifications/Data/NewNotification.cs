namespace Shop.Notifications.Data;

/// <summary>A notification to store for an order event.</summary>
internal sealed record NewNotification(Guid Id, Guid EventId, Guid UserId, Guid OrderId, string Type, string Message, DateTime OccurredAt);
