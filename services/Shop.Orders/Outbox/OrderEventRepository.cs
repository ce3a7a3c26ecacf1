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
    private const string Columns = "sequence, id, order_id, user_id, type, occurred_at, delivered_at, trace_parent";

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
        SELECT {Columns} FROM order_events
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
    private const string ClaimSql = $"""
        WITH claimed AS (
            SELECT {Columns} FROM order_events e
            WHERE delivered_at IS NULL
              AND (next_attempt_at IS NULL OR next_attempt_at <= now())
              AND NOT EXISTS (
                  SELECT 1 FROM order_events d
                  WHERE d.order_id = e.order_id AND d.delivered_at IS NULL AND d.sequence < e.sequence
                    AND d.next_attempt_at > now())
            ORDER BY sequence
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
        )
        SELECT * FROM claimed c
        WHERE NOT EXISTS (
            SELECT 1 FROM order_events e
            WHERE e.order_id = c.order_id AND e.delivered_at IS NULL AND e.sequence < c.sequence
              AND e.sequence NOT IN (SELECT sequence FROM claimed))
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
