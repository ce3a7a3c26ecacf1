namespace Shop.Orders.Outbox;

internal sealed class NotificationPublisherOptions
{
    public const string Section = "NotificationPublisher";

    /// <summary>The configuration key of the notifications service's address(es), e.g. http://127.0.0.1:5103 (see NeighbourAddress).</summary>
    public const string AddressKey = "Services:Notifications";

    /// <summary>How long one delivery may take before it counts as failed and is retried later.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(5);
}
