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
/// An outage (notifications or the database unreachable) ends the batch and backs off. An event that
/// notifications rejects holds back only its own order's later events (they must not overtake it);
/// its attempts and last error are kept on the row, and the round backs off too. A crash mid-batch
/// rolls the marks back and the events are delivered again, which the notifications service
/// recognises by event id: every event arrives, and yields one notification.
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
                // the service keeps running and the undelivered events keep waiting in the outbox.
                failures++;
                var backoff = Backoff(settings, failures);
                LogDeliveryFailed(logger, failures, backoff.TotalMilliseconds, e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message);
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>How many events were claimed, and how many of them were delivered.</returns>
    /// <exception cref="RpcException">The first rejection, after the rest of the batch was delivered.</exception>
    private async Task<(int Claimed, int Delivered)> DispatchBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var batch = await outbox.ClaimUndeliveredAsync(transaction, batchSize, ct);
        var delivered = 0;
        var heldBack = new HashSet<Guid>();
        RpcException? rejection = null;
        try
        {
            foreach (var orderEvent in batch)
            {
                if (heldBack.Contains(orderEvent.OrderId)) continue; // never ahead of an earlier event of its order
                try
                {
                    await DeliverAsync(orderEvent, ct);
                }
                catch (RpcException e) when (IsRejection(e.StatusCode))
                {
                    // Notifications refuses this event itself: retrying at once would not help, and the other
                    // orders' events need not wait for it. An outage (anything else) ends the batch.
                    heldBack.Add(orderEvent.OrderId);
                    rejection ??= e;
                    await outbox.RecordFailureAsync(transaction, orderEvent.Id, $"{e.StatusCode}: {e.Status.Detail}", ct);
                    LogRejected(logger, orderEvent.Type, orderEvent.Id, orderEvent.OrderId, e.StatusCode, e.Status.Detail);
                    continue;
                }
                await outbox.MarkDeliveredAsync(transaction, orderEvent.Id, ct);
                delivered++;
            }
        }
        finally
        {
            // What was delivered stays delivered, even when a later event of the batch failed.
            if (delivered > 0 || rejection is not null) await transaction.CommitAsync(CancellationToken.None);
        }
        return rejection is null ? (batch.Count, delivered) : throw rejection;
    }

    /// <summary>Answers that mean notifications took the call and refused the event, rather than that it was unreachable or overloaded.</summary>
    private static bool IsRejection(StatusCode code) => code is StatusCode.InvalidArgument or StatusCode.FailedPrecondition
        or StatusCode.NotFound or StatusCode.AlreadyExists or StatusCode.PermissionDenied or StatusCode.Unauthenticated
        or StatusCode.Unimplemented or StatusCode.OutOfRange;

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: notifications rejected {Type} {EventId}; order {OrderId}'s later events wait for it: {Status} {Detail}")]
    private static partial void LogRejected(ILogger logger, string type, Guid eventId, Guid orderId, StatusCode status, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: delivering again after {Failures} failed attempts")]
    private static partial void LogRecovered(ILogger logger, int failures);
}
