using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Shop.Orders.Outbox;

/// <summary>
/// What a batch's concurrent deliveries came to, gathered while they run so that the batch's one connection
/// can record it afterwards: the delivered events, the rejected ones, and the first outage.
/// </summary>
internal sealed class BatchDeliveries
{
    private ExceptionDispatchInfo? outage;
    private volatile bool cutShort;

    public ConcurrentQueue<Guid> Delivered { get; } = new();

    public ConcurrentQueue<(OrderEventRecord Event, string Reason)> Rejected { get; } = new();

    /// <summary>Whether anything is to be recorded in the batch's transaction.</summary>
    public bool Changed => !Delivered.IsEmpty || !Rejected.IsEmpty;

    /// <summary>Stopped before the end by shutdown or the time budget: more events may be waiting.</summary>
    public bool CutShort => cutShort;

    /// <summary>Whether new deliveries should still start: not after an outage.</summary>
    public bool Failed => Volatile.Read(ref outage) is not null;

    public void CutOff() => cutShort = true;

    /// <summary>Keeps the first outage, which the batch rethrows once its marks are committed.</summary>
    public void Fail(Exception e) => Interlocked.CompareExchange(ref outage, ExceptionDispatchInfo.Capture(e), null);

    /// <exception cref="Exception">The first outage, as it was thrown.</exception>
    public void ThrowIfFailed() => Volatile.Read(ref outage)?.Throw();
}
