namespace Shop.Orders.Outbox;

/// <summary>How the dispatcher delivers the <c>order_events</c> outbox (configuration section <c>Outbox</c>).</summary>
internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off in tests that inspect undelivered events; the events then wait in the outbox.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Events claimed per transaction.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How often an idle dispatcher looks for events another instance wrote; this instance's own changes wake it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after a failed delivery; it doubles per failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
