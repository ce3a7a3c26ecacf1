namespace Shop.Orders.Data;

/// <summary>A row of <c>payments</c>: <see cref="Method"/> is 'card', 'bank_transfer' or 'wallet'; the amount is EUR.</summary>
internal sealed record PaymentRecord(Guid Id, Guid OrderId, string Method, decimal Amount, string IdempotencyKey, DateTime PaidAt);
