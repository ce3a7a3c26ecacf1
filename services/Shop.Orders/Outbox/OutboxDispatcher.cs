using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Npgsql;
using Shop.Orders.Data;
using Shop.Orders.Notifications;
using Shop.ServiceDefaults.Telemetry;

namespace Shop.Orders.Outbox;

/// <summary>
/// Delivers the <c>order_events</c> outbox to the notifications service. Each batch is claimed in one
/// transaction (FOR UPDATE SKIP LOCKED, so several orders instances share the work) and delivered in
/// sequence order; an event is marked delivered in that transaction only after its call succeeded.
/// A failure ends the batch (later events of the order must not overtake it) and backs off. A crash
/// mid-batch rolls the marks back and the events are delivered again, which the notifications
/// service recognises by event id: every event arrives, and yields one notification.
/// </summary>
internal sealed partial class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    OrderEventRepository outbox,
    NotificationPublisher publisher,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly ActivitySource Activities = new(TelemetryRegistration.ActivitySourceName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (claimed, delivered) = await DispatchBatchAsync(settings.BatchSize, stoppingToken);
                if (failures > 0) LogRecovered(logger, failures);
                failures = 0;
                if (claimed == settings.BatchSize && delivered == claimed) continue; // more may be waiting
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever went wrong (notifications or the database unreachable, an event it rejects),
                // the service keeps running and the events keep waiting in the outbox.
                failures++;
                var backoff = Backoff(settings, failures);
                LogDeliveryFailed(logger, failures, backoff.TotalMilliseconds, e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message);
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>How many events were claimed, and how many of them were delivered.</returns>
    private async Task<(int Claimed, int Delivered)> DispatchBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var batch = await outbox.ClaimUndeliveredAsync(transaction, batchSize, ct);
        var delivered = 0;
        try
        {
            foreach (var orderEvent in batch)
            {
                await DeliverAsync(orderEvent, ct);
                await outbox.MarkDeliveredAsync(transaction, orderEvent.Id, ct);
                delivered++;
            }
        }
        finally
        {
            // What was delivered stays delivered, even when a later event of the batch failed.
            if (delivered > 0) await transaction.CommitAsync(CancellationToken.None);
        }
        return (batch.Count, delivered);
    }

    private async Task DeliverAsync(OrderEventRecord orderEvent, CancellationToken ct)
    {
        // The delivery joins the trace of the call that made the change, however much later it happens.
        // Unrecorded (no exporter listens) it still carries that context on to notifications.
        ActivityContext.TryParse(orderEvent.TraceParent, null, out var parent);
        var name = "outbox deliver " + orderEvent.Type;
        using var activity = Activities.StartActivity(name, ActivityKind.Producer, parent)
            ?? (orderEvent.TraceParent is { } traceParent ? new Activity(name).SetParentId(traceParent).Start() : null);
        activity?.SetTag("shop.order_id", orderEvent.OrderId);
        activity?.SetTag("shop.event_id", orderEvent.Id);
        var first = await publisher.PublishAsync(orderEvent, ct);
        LogDelivered(logger, orderEvent.Type, orderEvent.Id, orderEvent.OrderId, first ? "delivered" : "already delivered");
    }

    private static TimeSpan Backoff(OutboxOptions settings, int failures)
    {
        var doubled = settings.InitialBackoff * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = doubled < settings.MaxBackoff ? doubled : settings.MaxBackoff;
        // Jitter, so instances that failed together do not retry together.
        return capped * (0.8 + Random.Shared.NextDouble() * 0.4);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox: {Type} {EventId} of order {OrderId} {Outcome}")]
    private static partial void LogDelivered(ILogger logger, string type, Guid eventId, Guid orderId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: delivery failed ({Failures} in a row), retrying in {BackoffMs:F0} ms: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, int failures, double backoffMs, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: delivering again after {Failures} failed attempts")]
    private static partial void LogRecovered(ILogger logger, int failures);
}
