using System.Diagnostics;
using Dapper;
using Npgsql;
using Shop.Orders.Data;
using Shop.ServiceDefaults.Data;

namespace Shop.Orders.Outbox;

/// <summary>
/// The <c>order_events</c> outbox: appended in the transaction of each order state change, claimed
/// and marked delivered by the dispatcher, in sequence order.
/// </summary>
internal sealed class OrderEventRepository(NpgsqlDataSource dataSource)
{
    // Of the alias e, which every query reading events gives order_events.
    private const string Columns = "e.sequence, e.id, e.order_id, e.user_id, e.type, e.occurred_at, e.delivered_at, e.trace_parent";

    private const string AppendSql = """
        INSERT INTO order_events (id, order_id, user_id, type, trace_parent)
        VALUES (@id, @orderId, @userId, @type, @traceParent)
        """;

    /// <param name="type">One of <see cref="OrderEventTypes"/>.</param>
    public async Task AppendAsync(NpgsqlTransaction transaction, OrderRecord order, string type, CancellationToken ct)
    {
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            AppendSql, new { id = Guid.CreateVersion7(), orderId = order.Id, userId = order.UserId, type, traceParent }, transaction, cancellationToken: ct));
    }

    private const string UndeliveredSql = $"""
        SELECT {Columns} FROM order_events e
        WHERE delivered_at IS NULL
        ORDER BY sequence
        LIMIT @limit
        """;

    /// <summary>The oldest events not yet delivered, in the order they happened.</summary>
    public Task<IReadOnlyList<OrderEventRecord>> ListUndeliveredAsync(int limit, CancellationToken ct) => dataSource.RunAsync<IReadOnlyList<OrderEventRecord>>(async connection =>
    {
        var rows = await connection.QueryAsync<OrderEventRecord>(new CommandDefinition(UndeliveredSql, new { limit }, cancellationToken: ct));
        return rows.AsList();
    }, ct);

    // Rows another dispatcher holds are skipped, not waited for. An order whose oldest undelivered
    // event is held elsewhere is left out entirely, so no order's events overtake each other. A rejected
    // event waits for its next attempt, and its order's later events with it.
    // Each of those two checks is one pass (held, blocked) rather than a subquery per row: PostgreSQL's
    // statistics usually see the outbox empty, so it planned the per-row form as a scan of every undelivered
    // event for each one, and a backlog of a few thousand events made one claim take up to 2 s (the Bench
    // target's PlaceOrder, whose deliveries fell ever further behind). The held pass reads only the deferred
    // events (order_events_deferred_idx), the blocked pass only the claimed orders' events: neither grows with
    // the backlog.
    private const string ClaimSql = $"""
        WITH held AS (
            SELECT order_id, min(sequence) AS first_held FROM order_events
            WHERE delivered_at IS NULL AND next_attempt_at > now()
            GROUP BY order_id
        ), claimed AS (
            SELECT {Columns} FROM order_events e
            LEFT JOIN held h ON h.order_id = e.order_id
            WHERE e.delivered_at IS NULL
              AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= now())
              AND (h.first_held IS NULL OR h.first_held > e.sequence)
            ORDER BY e.sequence
            LIMIT @limit
            FOR UPDATE OF e SKIP LOCKED
        ), blocked AS (
            SELECT order_id, min(sequence) AS first_unclaimed FROM order_events
            WHERE order_id = ANY(ARRAY(SELECT order_id FROM claimed))
              AND delivered_at IS NULL
              AND sequence <> ALL(ARRAY(SELECT sequence FROM claimed))
            GROUP BY order_id
        )
        SELECT c.* FROM claimed c
        LEFT JOIN blocked b ON b.order_id = c.order_id
        WHERE b.first_unclaimed IS NULL OR b.first_unclaimed > c.sequence
        ORDER BY c.sequence
        """;

    /// <summary>
    /// Locks up to <paramref name="limit"/> of the oldest undelivered events that are due for the
    /// transaction's lifetime, in sequence order: the dispatcher's batch.
    /// </summary>
    public async Task<IReadOnlyList<OrderEventRecord>> ClaimUndeliveredAsync(NpgsqlTransaction transaction, int limit, CancellationToken ct)
    {
        var rows = await transaction.Connection!.QueryAsync<OrderEventRecord>(
            new CommandDefinition(ClaimSql, new { limit }, transaction, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Counts a rejected attempt and defers the next one: 1 s, 2 s, 4 s... up to <paramref name="maxDelay"/>.</summary>
    public async Task RecordRejectionAsync(NpgsqlTransaction transaction, Guid eventId, string error, TimeSpan maxDelay, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE order_events
            SET attempts = attempts + 1, last_error = @error,
                next_attempt_at = now() + least(interval '1 second' * power(2, least(attempts, 20)), @maxDelay)
            WHERE id = @eventId
            """, new { eventId, error, maxDelay }, transaction, cancellationToken: ct));

    /// <summary>Marks a batch's delivered events in one statement (its transaction's connection serves one at a time).</summary>
    public async Task MarkDeliveredAsync(NpgsqlTransaction transaction, IReadOnlyCollection<Guid> eventIds, CancellationToken ct) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE order_events SET delivered_at = now() WHERE id = ANY(@eventIds)", new { eventIds = eventIds.ToArray() }, transaction, cancellationToken: ct));
}
