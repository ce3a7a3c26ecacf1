using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Npgsql;
using Shop.ServiceDefaults.Data;
using Shop.ServiceDefaults.Telemetry;

namespace Shop.Orders.Outbox;

/// <summary>
/// Delivers the <c>order_events</c> outbox to the notifications service. Each batch is claimed in one
/// transaction (FOR UPDATE SKIP LOCKED, so several orders instances share the work); its orders are delivered
/// at the same time (Outbox:MaxConcurrentDeliveries), each order's events one after another in sequence
/// order. The events whose calls succeeded are marked delivered in that transaction, after the calls.
/// An outage (notifications or the database unreachable) ends the batch and backs off. An event that
/// notifications rejects is tried again later (1 s, 2 s, 4 s... up to Outbox:RejectedRetryMax), its
/// attempts and last error kept on the row; only its own order's later events wait for it. A batch
/// commits after Outbox:BatchTimeBudget at the latest, so its locks are short-lived. A crash mid-batch
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
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        var outages = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var more = await DispatchBatchAsync(settings, stoppingToken);
                if (outages > 0) LogRecovered(logger, outages);
                outages = 0;
                if (!more) await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (Exception e) when (stoppingToken.IsCancellationRequested
                && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                return;
            }
            catch (Exception e)
            {
                // Notifications or the database unreachable: the service keeps running and the
                // undelivered events keep waiting in the outbox.
                outages++;
                var backoff = Backoff(settings, outages);
                LogOutage(logger, outages, backoff.TotalMilliseconds, Reason(e));
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <returns>Whether more events may be waiting: the batch was full, or cut short.</returns>
    /// <exception cref="RpcException">An outage, after what the batch did so far was committed.</exception>
    private Task<bool> DispatchBatchAsync(OutboxOptions settings, CancellationToken stoppingToken) =>
        dataSource.RunAsync(connection => DispatchBatchAsync(connection, settings, stoppingToken), stoppingToken);

    private async Task<bool> DispatchBatchAsync(NpgsqlConnection connection, OutboxOptions settings, CancellationToken stoppingToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(stoppingToken);
        var batch = await outbox.ClaimUndeliveredAsync(transaction, settings.BatchSize, stoppingToken);
        var deliveries = await DeliverAsync(batch, settings, stoppingToken);
        // Recorded after the deliveries (the connection serves one statement at a time), in the claiming transaction.
        // The database statements are not cancelled at shutdown: that would abort the batch's marks too. (A failed
        // statement aborts the transaction and the batch is delivered again, which is harmless.)
        if (!deliveries.Delivered.IsEmpty) await outbox.MarkDeliveredAsync(transaction, deliveries.Delivered, CancellationToken.None);
        foreach (var (orderEvent, reason) in deliveries.Rejected)
        {
            await outbox.RecordRejectionAsync(transaction, orderEvent.Id, reason, settings.RejectedRetryMax, CancellationToken.None);
        }
        if (deliveries.Changed) await CommitAsync(transaction);
        // An outage mid-batch: what was delivered stays delivered, then the dispatcher backs off.
        deliveries.ThrowIfFailed();
        return deliveries.CutShort || batch.Count == settings.BatchSize;
    }

    /// <summary>
    /// Delivers a batch: each order's events one after another in sequence order, different orders' at the same
    /// time (up to Outbox:MaxConcurrentDeliveries). No delivery starts after an outage, at shutdown or past the
    /// batch's time budget; those under way finish.
    /// </summary>
    private async Task<BatchDeliveries> DeliverAsync(IReadOnlyList<OrderEventRecord> batch, OutboxOptions settings, CancellationToken stoppingToken)
    {
        var deliveries = new BatchDeliveries();
        var clock = Stopwatch.StartNew();
        // GroupBy keeps the batch's sequence order within each order.
        var orders = batch.GroupBy(orderEvent => orderEvent.OrderId);
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentDeliveries }, async (events, _) =>
        {
            foreach (var orderEvent in events)
            {
                if (deliveries.Failed) return;
                if (stoppingToken.IsCancellationRequested || clock.Elapsed > settings.BatchTimeBudget)
                {
                    deliveries.CutOff();
                    return;
                }
                try
                {
                    await DeliverAsync(orderEvent, stoppingToken);
                    deliveries.Delivered.Enqueue(orderEvent.Id);
                }
                catch (Exception e) when (e is ArgumentException || e is RpcException rpc && IsRejection(rpc.StatusCode))
                {
                    // This event is refused (or cannot be sent): retrying at once would not help, and the other
                    // orders' events need not wait for it. It is tried again later, with its order's later events,
                    // which never go ahead of it.
                    var reason = Reason(e);
                    deliveries.Rejected.Enqueue((orderEvent, reason));
                    LogRejected(logger, orderEvent.Type, orderEvent.Id, orderEvent.OrderId, reason);
                    return;
                }
                catch (Exception e)
                {
                    // Notifications unreachable (or shutdown cancelled the call): the batch ends once the
                    // deliveries under way are done, and what they delivered is committed.
                    deliveries.Fail(e);
                    return;
                }
            }
        });
        return deliveries;
    }

    private async Task CommitAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The marks are lost and the events will be delivered again: harmless, but worth knowing.
            LogCommitFailed(logger, e);
        }
    }

    /// <summary>
    /// Answers that mean notifications took the call and could not accept this event (a bad event, a
    /// failure handling it), rather than that it is unreachable, overloaded or misconfigured for everyone.
    /// </summary>
    private static bool IsRejection(StatusCode code) => code is StatusCode.InvalidArgument or StatusCode.FailedPrecondition
        or StatusCode.NotFound or StatusCode.AlreadyExists or StatusCode.OutOfRange
        or StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss;

    /// <summary>A failure in one line, for the log and the row's last_error: "FailedPrecondition: ..." for a gRPC status.</summary>
    private static string Reason(Exception e) => e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : e.Message;

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: delivery failed ({Outages} in a row), retrying in {BackoffMs:F0} ms: {Reason}")]
    private static partial void LogOutage(ILogger logger, int outages, double backoffMs, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: {Type} {EventId} was rejected and will be tried again later; order {OrderId}'s later events wait for it: {Reason}")]
    private static partial void LogRejected(ILogger logger, string type, Guid eventId, Guid orderId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: committing the batch's delivery marks failed; its events will be delivered again")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: dispatcher off (Outbox:Enabled is false); events stay in order_events")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: delivering again after {Outages} failed attempts")]
    private static partial void LogRecovered(ILogger logger, int outages);
}
