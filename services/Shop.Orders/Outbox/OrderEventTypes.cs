namespace Shop.Orders.Outbox;

/// <summary>The values of <c>order_events.type</c>, one per order state change.</summary>
internal static class OrderEventTypes
{
    public const string Placed = "order_placed";
    public const string Paid = "order_paid";
    public const string Fulfilled = "order_fulfilled";
    public const string Cancelled = "order_cancelled";
}
