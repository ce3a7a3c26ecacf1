namespace Shop.Orders.Data;

/// <summary>The values of <c>orders.status</c>: PENDING -> PAID -> FULFILLED, or CANCELLED from PENDING or PAID.</summary>
internal static class OrderStates
{
    public const string Pending = "pending";
    public const string Paid = "paid";
    public const string Fulfilled = "fulfilled";
    public const string Cancelled = "cancelled";

    /// <summary>The status as clients see it in messages, e.g. "FULFILLED".</summary>
    public static string Display(string state) => state.ToUpperInvariant();
}
