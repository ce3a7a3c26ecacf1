namespace Shop.Orders.Data;

/// <summary>A row of <c>orders</c>; <see cref="Status"/> is one of <see cref="OrderStates"/>. The total is EUR.</summary>
internal sealed record OrderRecord(Guid Id, Guid UserId, string Status, decimal Total, DateTime CreatedAt, DateTime UpdatedAt);
