namespace Shop.Orders.Data;

/// <summary>An order with its items, as GetOrder and every transition return it.</summary>
internal sealed record OrderDetails(OrderRecord Order, IReadOnlyList<OrderItemRecord> Items);
