namespace Shop.Notifications.Data;

/// <summary>A row of <c>notifications</c>: what one order event told one user.</summary>
internal sealed record NotificationRecord(
    Guid Id,
    Guid EventId,
    Guid UserId,
    Guid OrderId,
    string Type,
    string Message,
    DateTime OccurredAt,
    DateTime? ReadAt,
    DateTime CreatedAt);
