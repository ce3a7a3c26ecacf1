using System.Threading.Channels;

namespace Shop.Orders.Outbox;

/// <summary>Wakes the dispatcher when a state change has committed, so delivery does not wait for the next poll.</summary>
internal sealed class OutboxSignal
{
    // One pending wake-up is enough: the dispatcher reads everything undelivered when it wakes.
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await wakeUps.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: time to poll.
        }
    }
}
