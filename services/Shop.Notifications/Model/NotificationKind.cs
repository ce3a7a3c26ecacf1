using Shop.Notifications.V1;

namespace Shop.Notifications.Model;

/// <summary>What a user is told about each kind of order event.</summary>
internal sealed record NotificationKind(string Type, string MessageFormat)
{
    private static readonly NotificationKind Placed = new("order_placed", "Your order {0} has been placed.");
    // The seed calls a paid order "processed": payment is what starts its processing.
    private static readonly NotificationKind Processed = new("order_processed", "Your order {0} has been paid and is being processed.");
    private static readonly NotificationKind Fulfilled = new("order_fulfilled", "Your order {0} has been fulfilled and is on its way.");
    private static readonly NotificationKind Cancelled = new("order_cancelled", "Your order {0} has been cancelled.");

    /// <returns>The kind for an event type, or null for UNSPECIFIED and values this service does not know.</returns>
    public static NotificationKind? For(OrderEventType type) => type switch
    {
        OrderEventType.Placed => Placed,
        OrderEventType.Paid => Processed,
        OrderEventType.Fulfilled => Fulfilled,
        OrderEventType.Cancelled => Cancelled,
        _ => null,
    };

    public string MessageFor(Guid orderId) => string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, orderId);
}
