namespace Shop.Orders.Outbox;

/// <summary>How the dispatcher delivers the <c>order_events</c> outbox (configuration section <c>Outbox</c>).</summary>
internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off in tests that inspect undelivered events; the events then wait in the outbox.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Events claimed per transaction: a claim, its marks and its commit are shared by this many deliveries.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// How many of a batch's orders are delivered at the same time. Each order's events still go one after
    /// another, in sequence order. Delivery is bound by round trips, not work: under load a call to notifications
    /// takes tens of milliseconds, and 16 at a time (Bench, PlaceOrder at 64 in flight) fell behind the orders
    /// made, while 64 kept up.
    /// </summary>
    public int MaxConcurrentDeliveries { get; set; } = 64;

    /// <summary>How often an idle dispatcher looks for events another instance wrote; this instance's own changes wake it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after a failed delivery; it doubles per failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one batch may go on delivering before it commits: its transaction holds row locks and
    /// a pooled connection, so a slow notifications service must not keep it open for long.
    /// </summary>
    public TimeSpan BatchTimeBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait before an event notifications rejected is tried again (the wait doubles from 1 s).</summary>
    public TimeSpan RejectedRetryMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether the settings can work at all: checked at start-up.</summary>
    public bool IsUsable =>
        BatchSize >= 1 && MaxConcurrentDeliveries >= 1 && MaxBackoff >= InitialBackoff
        && new[] { PollInterval, InitialBackoff, BatchTimeBudget, RejectedRetryMax }.All(t => t > TimeSpan.Zero);
}
